package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.PipelineEstates;
import io.xp2aso.handoff.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Composed trees in the emulated world, with plans the real pipeline builds from compose/tree: a platform XR that
 * composes a nested network XR is handed over whole (no DELETE reaches Azure); a database whose live XR owns an MR
 * rendering did not produce, and an app composing a provider-azuread Application, are blocked and left untouched.
 * With what the pipeline adds taken out of the plan (the nested XR, the blockers), the executor's own live tree check
 * still stops the unit: two independent guards.
 */
class HandoffTreeTest {
    @TempDir
    Path dir;

    static PipelineEstates.Built built() throws URISyntaxException {
        return PipelineEstates.build(Path.of(HandoffTreeTest.class.getResource("/compose/tree/sources.yaml").toURI()),
                Path.of(HandoffTreeTest.class.getResource("/compose/tree/observed.yaml").toURI()));
    }

    /** A world with the whole snapshot installed and a harness over the plan of one unit, as {@code edit} leaves it. */
    Harness harness(String unit, java.util.function.UnaryOperator<UnitPlan> edit) throws Exception {
        PipelineEstates.Built b = built();
        World w = new World();
        PipelineEstates.install(w, b);
        UnitPlan u = edit.apply(b.plan().unit(unit).orElseThrow());
        Plan p = new Plan(b.plan().schemaVersion(), b.plan().asoNamespace(), b.plan().timeoutSeconds(),
                b.plan().pollSeconds(), List.of(u));
        return new Harness(Files.createDirectories(dir.resolve(unit.replace('/', '_'))), w, p);
    }

    static List<String> deletes(World w) {
        return w.violations().stream().filter(v -> v.contains("DELETE reached Azure")).toList();
    }

    @Test
    void nestedXrTreeIsHandedOverWithoutAnyAzureDelete() throws Exception {
        Harness h = harness("team/tree", u -> u);
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertEquals(List.of("XNetwork/tree-p1x2z-net22"), u.nested().stream().map(ObjectRef::display).toList());
            assertEquals(3, u.resources().size());
            assertEquals(List.of(), u.blockers());
            int runs = runToEnd(h);
            assertTrue(runs > 0, h.transcript.toString());
            h.world.rounds(5);
            assertEquals(List.of(), h.endStateViolations(), h.transcript.toString());
            assertTrue(h.world.get(u.nested().get(0)).isEmpty(), "the nested XR is retired");
        }
    }

    /**
     * Defence in depth: a plan blind to the nested XR (as before nested XRs were walked: their MRs known, the XR itself
     * neither paused nor retired) is still stopped by the executor's live tree check before anything changes.
     */
    @Test
    void aPlanBlindToTheNestedXrIsStoppedByTheLiveTreeCheck() throws Exception {
        Harness h = harness("team/tree", u -> rebuilt(u, List.of(), u.blockers()));
        try (h.world) {
            assertEquals(-1, runToEnd(h));
            assertTrue(h.transcript.toString().contains("XNetwork/tree-p1x2z-net22 is composed by XPlatform/tree-p1x2z but"
                    + " is not in the plan"), h.transcript.toString());
            h.world.rounds(5);
            assertEquals(List.of(), deletes(h.world));
        }
    }

    @Test
    void unitWithAnUnrenderedMrIsRefusedAndNothingIsTouched() throws Exception {
        Harness h = harness("team/orders", u -> u);
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertEquals(3, u.blockers().stream().filter(b -> b.contains("did not produce it")).count(), u.blockers().toString());
            assertEquals(1, h.run(new RunOptions(true, false, "", false, Set.of()), ExecutorHooks.NONE));
            assertTrue(h.transcript.toString().contains("preflight failed"), h.transcript.toString());
            h.world.rounds(5);
            assertEquals(List.of(), h.world.violations());
            ObjectRef xr = u.composite().withName("orders-d4f5g");
            assertFalse(h.world.get(xr).orElseThrow().path("metadata").path("annotations").has(Keys.PAUSED), "not even paused");
            assertFalse(h.world.get(u.claim()).orElseThrow().path("metadata").path("annotations").has(Keys.PAUSED));
            for (ManagedHandoff mr : u.resources()) {
                assertEquals("", h.world.get(mr.ref()).orElseThrow().path("spec").path("deletionPolicy").asText(""),
                        mr.ref().display() + " untouched");
            }
        }
    }

    /** Defence in depth: the same unit with the migrate-time blockers taken out is stopped by the live tree check. */
    @Test
    void withoutTheBlockersTheLiveTreeCheckStillStopsTheUnit() throws Exception {
        Harness h = harness("team/orders", u -> rebuilt(u, u.nested(), List.of()));
        try (h.world) {
            assertEquals(-1, runToEnd(h));
            assertTrue(h.transcript.toString().contains("Account/orders-d4f5g-old66"), h.transcript.toString());
            h.world.rounds(5);
            assertEquals(List.of(), deletes(h.world));
        }
    }

    @Test
    void unitComposingANonAzureMrIsRefusedAndNothingIsTouched() throws Exception {
        Harness h = harness("team/web", u -> u);
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertTrue(u.blockers().stream().anyMatch(b -> b.contains("Application/web-a1b2c-app00")), u.blockers().toString());
            assertEquals(1, h.run(new RunOptions(true, false, "", false, Set.of()), ExecutorHooks.NONE));
            h.world.rounds(5);
            assertEquals(List.of(), h.world.violations());
            for (ManagedHandoff mr : u.resources()) {
                assertTrue(h.world.get(mr.ref()).isPresent(), mr.ref().display());
                assertEquals("", h.world.get(mr.ref()).orElseThrow().path("spec").path("deletionPolicy").asText(""));
            }
        }
    }

    /** Runs until done like an operator who, after reviewing what the run stopped on (the takeover preview), approves it. */
    static int runToEnd(Harness h) {
        Set<String> approve = Set.of();
        for (int i = 1; i <= 15; i++) {
            if (h.run(new RunOptions(true, true, "", false, approve), ExecutorHooks.NONE) == 0) {
                return i;
            }
            approve = Set.of(h.plan.units().get(0).id());
            h.world.rounds(3);
        }
        return -1;
    }

    static UnitPlan rebuilt(UnitPlan u, List<ObjectRef> nested, List<String> blockers) {
        return new UnitPlan(u.id(), u.claim(), u.composite(), nested, u.gitops(), u.driftAccepted(), u.resources(), u.aso(),
                blockers, u.steps(), u.connectionSecrets());
    }
}
