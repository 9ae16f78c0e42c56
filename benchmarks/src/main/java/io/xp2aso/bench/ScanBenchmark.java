package io.xp2aso.bench;

import io.xp2aso.cli.Main;
import io.xp2aso.inventory.EstateSeeder;
import io.xp2aso.inventory.MockCluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a seeded estate from fabric8's kubernetes-server-mock (CRUD mode, limit/continue paging) on loopback,
 * for `xp2aso scan` to be timed in a process of its own (benchmarks/run.sh): the mock cluster of the inventory
 * tests, with claims, XRs and MRs of three compositions and their known share of unhealthy, drifting and
 * paused objects. Objects go straight into the mock's store, so seeding 20,000 MRs takes seconds; it is timed
 * apart and is no part of the scan figure.
 *
 * <p>Usage: {@code ScanBenchmark MRS DIR}: writes {@code DIR/kubeconfig}, warms the server up with one scan,
 * prints {@code scan: ...} lines and then {@code ready} on standard output, and serves until standard input is
 * closed.
 */
public final class ScanBenchmark {
    /** MRs per instance of each of the three compositions: network 4, storage 3, analytics 3. */
    static final int MRS_PER_TRIO = 10;

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ScanBenchmark MRS DIR");
            System.exit(2);
        }
        int mrs = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        int instances = Math.max(1, mrs / MRS_PER_TRIO);
        try (MockCluster cluster = new MockCluster()) {
            long t0 = System.nanoTime();
            EstateSeeder seeder = new EstateSeeder(cluster).direct().seed(instances, instances, instances);
            long t1 = System.nanoTime();
            Path kubeconfig = cluster.kubeconfig(dir);
            System.out.printf("scan: seeded %d MRs, %d XRs, %d claims in %.1f s; kubeconfig %s%n",
                    seeder.mrKeys.size() + seeder.vaults.size(), seeder.composites, seeder.claims, (t1 - t0) / 1e9,
                    kubeconfig);
            warmUp(kubeconfig, dir.resolve("warm-up"));
            System.out.printf("scan: mock warmed up by one scan in this JVM in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            System.out.println("ready");
            System.out.flush();
            drain(System.in);
        }
    }

    /**
     * One scan in this JVM before the timed ones, so that the timed scans meet a warm server (its code compiled
     * by the JIT), as a long-running API server is; otherwise the first timed scan also pays the mock's warm-up.
     */
    private static void warmUp(Path kubeconfig, Path out) throws IOException {
        StringWriter progress = new StringWriter();
        int rc = Main.run(new String[] {"scan", "--kubeconfig", kubeconfig.toString(), "-o", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(progress));
        if (rc != 0) {
            throw new IllegalStateException("warm-up scan exited " + rc + ": " + progress);
        }
        try (var files = Files.walk(out)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Blocks until standard input is closed: the caller's signal that the scan is over. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
            // Nothing to read; waiting for end of input.
        }
    }
}
