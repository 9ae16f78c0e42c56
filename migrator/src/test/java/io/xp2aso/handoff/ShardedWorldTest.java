package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.StateStore;
import io.xp2aso.handoff.exec.WriteBudget;
import io.xp2aso.handoff.world.Estates;
import io.xp2aso.handoff.world.ShardedWorld;
import io.xp2aso.mapping.MappingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's estate of one-unit worlds on one clock (benchmarks/run.sh --handoff hands over 2,000 units in it):
 * a few units are handed over to the end, several at once, with the same end-state checks as the test world's
 * scenarios, and a unit's world is dropped once the unit is handed over and judged.
 */
class ShardedWorldTest {
    @TempDir
    Path dir;

    @Test
    void sixUnitsThreeAtATimeAreHandedOverInWorldsOfTheirOwn() {
        List<Estates.Loaded> units = ShardedWorld.estate(6, dir.resolve("estate"));
        Plan plan = PlanBuilder.build(new MappingResult(units.stream().map(Estates.Loaded::mapped).toList(), List.of()),
                PlanOptions.defaults());
        assertEquals(6, plan.units().size());
        ShardedWorld estate = new ShardedWorld(plan, units);
        ShardedWorld.Outcome o = estate.runToEnd(new StateStore(dir.resolve("state.json")),
                r -> r.inWaves(null, 3, WriteBudget.API_WRITES_PER_SECOND, WriteBudget.ARM_WRITES_PER_HOUR), 10);
        assertTrue(o.finished(), "not finished after " + o.runs() + " runs: " + o.lastProgress());
        assertEquals(List.of(), estate.violations);
        assertEquals(6, estate.handedOver);
        assertTrue(o.lastProgress().startsWith("progress: 6/6 done"), o.lastProgress());
        assertEquals(0, estate.inFlight(), "every unit's world is dropped once the unit is judged");
        System.out.println("sharded: 6 units, 3 at a time, " + o.runs() + " runs, " + estate.elapsed() + " simulated, "
                + estate.worldRounds + " world rounds, " + estate.peakWorlds + " worlds at most");
    }
}
