package io.xp2aso.bench;

import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.handoff.exec.StateStore;
import io.xp2aso.handoff.exec.WriteBudget;
import io.xp2aso.handoff.world.Estates;
import io.xp2aso.handoff.world.ShardedWorld;
import io.xp2aso.mapping.MappingResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Hands over an estate of N units in the simulated world (fake time, one world per unit: see ShardedWorld) with the
 * real executor, N at a time, and prints the simulated makespan, the real wall time and what it took; the process's
 * peak memory is measured around it (run.sh). Every unit must end handed over with no violation of the test world's
 * checks, else the figure is refused (exit 1).
 *
 * <p>Usage: {@code HandoffBenchmark UNITS PARALLEL WORK_DIR [ARM_WRITES_PER_HOUR]}; prints one tab-separated line:
 * units, parallel, simulated seconds, wall seconds, executor runs, ARM writes, world rounds.
 */
public final class HandoffBenchmark {
    private HandoffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: HandoffBenchmark UNITS PARALLEL WORK_DIR [ARM_WRITES_PER_HOUR]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        int parallel = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        int arm = args.length > 3 ? Integer.parseInt(args[3]) : WriteBudget.ARM_WRITES_PER_HOUR;
        List<Estates.Loaded> units = ShardedWorld.estate(n, work.resolve("units"));
        Plan plan = PlanBuilder.build(new MappingResult(units.stream().map(Estates.Loaded::mapped).toList(), List.of()),
                PlanOptions.defaults());
        ShardedWorld estate = new ShardedWorld(plan, units);
        Path state = work.resolve("handoff-state.json");
        Files.deleteIfExists(state);
        long t0 = System.nanoTime();
        ShardedWorld.Outcome o = estate.runToEnd(new StateStore(state),
                r -> r.inWaves(null, parallel, WriteBudget.API_WRITES_PER_SECOND, arm), 20);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!o.finished() || !estate.violations.isEmpty() || estate.handedOver != n) {
            System.err.println("handoff benchmark: " + estate.handedOver + "/" + n + " handed over after " + o.runs()
                    + " runs (" + o.lastProgress() + "); violations: " + estate.violations.size());
            estate.violations.stream().limit(20).forEach(v -> System.err.println("  " + v));
            System.exit(1);
        }
        long armWrites = plan.units().stream().flatMap(u -> u.aso().stream())
                .filter(t -> !t.policyAfterHandover().equals(io.xp2aso.handoff.Keys.POLICY_SKIP)).count();
        Duration makespan = estate.elapsed();
        System.out.printf("%d\t%d\t%d\t%.2f\t%d\t%d\t%d\t%d%n", n, parallel, makespan.toSeconds(), wall, o.runs(), armWrites,
                estate.worldRounds, estate.peakWorlds);
    }
}
