#!/usr/bin/env bash
# Benchmarks of xp2aso, measured beside a baseline in the same run (see README "Benchmarks").
#   benchmarks/run.sh [--sizes "1000 10000"] [--scan N] [--scan-runs R] [--warm R] [--jmh] [--work DIR]
# migrate: wall time, peak RSS and MRs/s at each size, next to the Jackson parse-and-rewrite baseline of the same input.
# scan:    `xp2aso scan` of N managed resources served by kubernetes-server-mock (CRUD) on loopback, R times (3).
# --warm:  migrate the largest size R times in one JVM (first run cold, later runs warm: what JIT warm-up costs).
# --jmh:   JMH micro-benchmarks of the hot paths (render, map).
# --work:  folder for the estates and outputs, kept afterwards (default: a temporary one, on tmpfs if any, removed).
# --handoff N: hand over N units in the simulated world (fake time) at --parallel 1 and 20 (--handoff-parallel "1 20"):
#          simulated makespan, real wall time, peak RSS (0: skip, the default; 2,000 is the issue's size, long).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="1000 10000"
scan_mrs=20000
scan_runs=3
jmh=false
warm=0
handoff=0
handoff_parallel="1 20"
# On tmpfs when there is one: migrate writes ~50,000 files at 10,000 claims, and some disks (this project's CI VM:
# ~0.7 ms of kernel time per file created on ext4) would make the figure measure the disk, not xp2aso.
tmpbase="${TMPDIR:-/tmp}"
[ -d /dev/shm ] && [ -w /dev/shm ] && tmpbase=/dev/shm
work=""
# A fixed 1 GiB heap: the memory target, and what the launcher starts with (-Xms1g).
heap="${BENCH_HEAP:--Xms1g -Xmx1g}"
# The collector the ./xp2aso launcher uses (throughput: a migration is a batch job); BENCH_GC replaces it.
gc="${BENCH_GC:--XX:+UseParallelGC}"
# The launcher's compiler setting (C1 only), for xp2aso's runs; BENCH_JIT replaces it ("" for the JVM default).
# The baseline always runs with the JVM's default compilers: its single-threaded parse is fastest with C2.
jit="${BENCH_JIT--XX:TieredStopAtLevel=1}"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --scan) scan_mrs="$2"; shift 2 ;;
    --scan-runs) scan_runs="$2"; shift 2 ;;
    --warm) warm="$2"; shift 2 ;;
    --jmh) jmh=true; shift ;;
    --handoff) handoff="$2"; shift 2 ;;
    --handoff-parallel) handoff_parallel="$2"; shift 2 ;;
    --work) work="$2"; mkdir -p "$work"; shift 2 ;;  # kept afterwards, for a look at the outputs
    *) echo "usage: $0 [--sizes \"1000 10000\"] [--scan N] [--scan-runs R] [--warm R] [--jmh] [--handoff N] [--handoff-parallel \"1 20\"] [--work DIR]" >&2; exit 2 ;;
  esac
done

keep=true
if [ -z "$work" ]; then
  # A run at 10,000 claims writes over 1 GB (outputs and estates): removed at the end, tmpfs being memory.
  work="$(mktemp -d "$tmpbase/xp2aso-bench-XXXXXX")"
  keep=false
  trap 'rm -rf "$work"' EXIT
fi

echo "building..." >&2
(cd "$root" && mvn -B -q -DskipTests package >&2)
tool="$root/migrator/target/xp2aso.jar"
bench="$root/benchmarks/target/xp2aso-benchmarks.jar"

# Runs a command under GNU time; prints "wall_seconds peak_rss_mib".
measure() {
  local log="$work/time.log"
  /usr/bin/time -v "$@" >"$work/cmd.out" 2>"$log" || { cat "$log" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  echo "$wall $rss"
}

echo
echo "work folder: $work ($(df -T "$work" | awk 'NR==2 {print $2}'))"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), heap $heap, $gc, xp2aso ${jit:-(default JIT)}"
echo
if [ -n "${sizes// /}" ]; then
  echo "| claims | MRs | baseline s | baseline MiB | migrate s | migrate MiB | ratio | MRs/s | handoff/ bytes per MR | output bytes per MR |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
fi
for n in $sizes; do
  est="$work/estate-$n"
  java -cp "$bench" io.xp2aso.bench.SyntheticEstate "$est" "$n" 2>/dev/null
  read -r bw br < <(measure java $heap $gc -cp "$bench" io.xp2aso.bench.Baseline "$work/baseline-$n" "$est/repo" "$est/observed.yaml")
  read -r mw mr < <(measure java $heap $gc $jit -jar "$tool" migrate "$est/repo" --observed "$est/observed.yaml" -o "$work/out-$n" --fail-on never)
  mrs=$(grep -o '"managedResources" *: *[0-9]*' "$work/out-$n/report.json" | grep -o '[0-9]*$')
  # bytes of the files (not of the folders holding them): the plan people review, and everything migrate wrote
  hb=$(find "$work/out-$n/handoff" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  ob=$(find "$work/out-$n" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  awk -v n="$n" -v m="$mrs" -v bw="$bw" -v br="$br" -v mw="$mw" -v mr="$mr" -v hb="$hb" -v ob="$ob" \
    'BEGIN { printf "| %d | %d | %.2f | %d | %.2f | %d | %.2f | %.0f | %.0f | %.0f |\n", n, m, bw, br, mw, mr, mw/bw, m/mw, hb/m, ob/m }'
done

if [ "$scan_mrs" -gt 0 ]; then
  # The mock API server runs in a JVM of its own, so that the figure is the scan process alone: its wall time and
  # peak memory. Seeding (straight into the mock's store) is timed apart and printed.
  echo
  mkdir -p "$work/scan"
  coproc MOCK { exec java -Xmx3g -cp "$bench" io.xp2aso.bench.ScanBenchmark "$scan_mrs" "$work/scan"; }
  mock_out=${MOCK[0]}; mock_in=${MOCK[1]}
  started=false
  while IFS= read -r line <&"$mock_out"; do
    [ "$line" = ready ] && { started=true; break; }
    echo "$line"
  done
  $started || { echo "the mock cluster did not start" >&2; exit 1; }
  # The server warmed itself up with one scan (a real API server is warm); the timed runs follow.
  echo "| run | MRs scanned | scan s | MRs/s | peak MiB |"
  echo "| ---: | ---: | ---: | ---: | ---: |"
  for run in $(seq "$scan_runs"); do
    rm -rf "$work/scan-out"
    read -r sw sr < <(measure java $heap $gc $jit -jar "$tool" scan --kubeconfig "$work/scan/kubeconfig" -o "$work/scan-out")
    found=$(grep -o '"managedResources" *: *[0-9]*' "$work/scan-out/inventory.json" | head -1 | grep -o '[0-9]*$' || true)
    awk -v r="$run" -v m="${found:-0}" -v sw="$sw" -v sr="$sr" \
      'BEGIN { printf "| %d | %d | %.2f | %.0f | %d |\n", r, m, sw, m/sw, sr }'
  done
  exec {mock_in}>&-
  wait "$MOCK_PID" || true
fi

if [ "$warm" -gt 0 ] && [ -n "$sizes" ]; then
  last="${sizes##* }"
  echo
  echo "migrate of $last claims, $warm times in one JVM ($heap):"
  rm -rf "$work"/out-$last "$work"/warm-*
  java $heap $gc $jit -cp "$bench" io.xp2aso.bench.WarmMigrate "$warm" "$work/estate-$last/repo" \
    "$work/estate-$last/observed.yaml" "$work/warm"
  rm -rf "$work"/warm-*
fi

if [ "$handoff" -gt 0 ]; then
  # The real executor against one in-process world per unit on a shared fake clock (see README, "Handoff at scale"):
  # every unit must end handed over with no violation, else the run fails.
  echo
  echo "| units | --parallel | simulated makespan | wall s | peak MiB | executor runs | ARM writes | world rounds |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for p in $handoff_parallel; do
    rm -rf "$work/handoff-$p"
    read -r hw hr < <(measure java $heap $gc $jit -cp "$bench" io.xp2aso.bench.HandoffBenchmark "$handoff" "$p" "$work/handoff-$p")
    IFS=$'\t' read -r hn hp hs _ hruns harm hrounds _ < <(grep -v WARN "$work/cmd.out" | tail -1)
    awk -v n="$hn" -v p="$hp" -v s="$hs" -v w="$hw" -v r="$hr" -v runs="$hruns" -v arm="$harm" -v rounds="$hrounds" \
      'BEGIN { printf "| %d | %d | %dh%02dm%02ds | %.1f | %d | %d | %d | %d |\n", n, p, s/3600, (s%3600)/60, s%60, w, r, runs, arm, rounds }'
  done
fi

if $jmh; then
  echo
  java -jar "$bench" -f 1 -wi 2 -i 3 -w 2s -r 3s -rf text -rff "$work/jmh.txt" 'io.xp2aso.bench.*Benchmark.*' >&2
  cat "$work/jmh.txt"
fi
echo
if $keep; then
  echo "work folder (kept): $work" >&2
else
  echo "work folder $work removed (--work DIR keeps the estates and outputs)" >&2
fi
