package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.FakeAzure;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.Intruders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Azure operations in flight (issue #13.7, #13.8): an upjet apply started before the switch to Observe, and an ASO
 * PUT being polled when a rollback gives Crossplane its write access back. Neither may overlap the other manager.
 */
class HandoffAsyncTest {
    @TempDir
    Path dir;

    /** Starts an upjet apply on the storage account: its forProvider gains a tag Azure does not have. */
    static ObjectRef startApply(Harness h) {
        ObjectRef account = h.plan.units().get(0).resources().get(1).ref();
        Intruders.changeComposition(h.world, account, fp -> fp.with("tags").put("cost-center", "42"));
        h.world.rounds(1);
        return account;
    }

    @Test
    void theOrphanStepWaitsForAnUpjetApplyInFlight() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            h.world.async.crossplaneRounds = 8;
            startApply(h);
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
            List<FakeAzure.Op> log = h.world.azure.log();
            long apply = log.stream().filter(o -> o.writer().equals("crossplane")).mapToLong(FakeAzure.Op::tick).max().orElseThrow();
            long aso = log.stream().filter(o -> o.writer().equals("aso")).mapToLong(FakeAzure.Op::tick).min().orElseThrow();
            assertTrue(apply < aso, "the apply (tick " + apply + ") finished before ASO's first PUT (tick " + aso + ")");
        }
    }

    @Test
    void rollbackWaitsForAsosPutInFlightBeforeCrossplaneMayWrite() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            h.world.async.asoRounds = 8;
            try {
                h.run(Harness.execute(), HandoffRollbackTest.crashAfter("manage"));
            } catch (Harness.Crash expected) {
                // killed right after the switch to manage: ASO's PUTs are in flight
            }
            assertEquals(0, h.run(new RunOptions(true, false, "", true, Set.of()), ExecutorHooks.NONE), h.transcript.toString());
            h.world.rounds(Harness.AFTER_ROUNDS);
            assertEquals(List.of(), h.world.violations(), h.transcript.toString());
            assertTrue(h.transcript.toString().contains("no Azure operation in flight under skip"), h.transcript.toString());
        }
    }
}
