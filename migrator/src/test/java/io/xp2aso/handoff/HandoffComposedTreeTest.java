package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.FaultyDispatcher;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.Intruders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue #13.1: the XR composes live an MR the plan does not know. The executor stops before it deletes the XR or
 * the claim, at preflight and again immediately before each delete; every delete it issues orphans dependents.
 */
class HandoffComposedTreeTest {
    @TempDir
    Path dir;

    private static void assertSafe(Harness h, ObjectRef extra) {
        h.world.rounds(Harness.AFTER_ROUNDS);
        assertEquals(List.of(), h.world.violations(), h.transcript.toString());
        assertTrue(h.world.get(extra).isPresent(), "the unknown MR is still there");
        assertTrue(h.world.get(h.plan.units().get(0).claim()).isPresent(), "the claim is not deleted");
    }

    @Test
    void anUnknownComposedMrStopsPreflight() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            ObjectRef extra = Intruders.unknownMr(h.world, u.composite(), u.resources().get(2).ref());
            assertEquals(-1, h.runToEnd(ExecutorHooks.NONE, 3));
            assertTrue(h.transcript.toString().contains("Container/assets-x7k2p-images-extra is composed by "
                    + "XObjectStore/assets-x7k2p but is not in the plan"), h.transcript.toString());
            var state = h.store.load().units.get(u.id());
            assertTrue(state == null || state.done.isEmpty(), "nothing ran past preflight");
            assertSafe(h, extra);
        }
    }

    @Test
    void anUnknownMrAppearingBeforeRetireStopsIt() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            ObjectRef[] extra = new ObjectRef[1];
            h.runToEnd(new ExecutorHooks() {
                @Override
                public void before(String unit, String step, boolean rollback) {
                    if (step.equals("retire") && extra[0] == null) {
                        extra[0] = Intruders.unknownMr(h.world, u.composite(), u.resources().get(2).ref());
                    }
                }
            }, 3);
            assertTrue(h.transcript.toString().contains("not deleting: the live objects are not the plan's"), h.transcript.toString());
            assertSafe(h, extra[0]);
        }
    }

    /** Between the MRs' deletes and the XR's: the check runs immediately before the XR is deleted. */
    @Test
    void anUnknownMrAppearingAfterTheMrsAreDeletedStopsBeforeTheXr() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            ObjectRef last = u.resources().get(u.resources().size() - 1).ref();
            ObjectRef[] extra = new ObjectRef[1];
            var like = h.world.get(u.resources().get(1).ref()).orElseThrow();
            h.world.writeHooks.after(w -> w.equals("delete " + last.display()),
                    () -> extra[0] = Intruders.unknownMr(h.world, u.composite(), like));
            h.runToEnd(ExecutorHooks.NONE, 3);
            assertTrue(extra[0] != null, "the hook ran");
            assertTrue(h.transcript.toString().contains("not deleting: the live objects are not the plan's"), h.transcript.toString());
            assertTrue(h.world.get(u.composite()).isPresent(), "the XR is not deleted");
            assertSafe(h, extra[0]);
        }
    }

    @Test
    void everyDeleteOfTheHandoffOrphansDependents() {
        Harness h = new Harness(dir, "storage.yaml", "network.yaml");
        try (h.world) {
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
            List<FaultyDispatcher.Delete> mine = h.world.dispatcher().deletes().stream()
                    .filter(d -> d.agent().startsWith(FaultyDispatcher.EXECUTOR_AGENT)).toList();
            assertTrue(mine.size() >= 8, mine.toString());
            assertEquals(List.of(), mine.stream().filter(d -> !d.propagation().equals("Orphan")).toList());
        }
    }
}
