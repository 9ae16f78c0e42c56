package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.PipelineEstates;
import io.xp2aso.handoff.world.World;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three sample units in the emulated world, planned by the real pipeline from samples/crossplane and
 * samples/observed (as `xp2aso migrate samples/crossplane --observed samples/observed/observed.yaml` plans them), not
 * from hand-written fixtures. The storage and PostgreSQL claims write connection Secrets no ASO resource replaces, so
 * their plans are blocked: preflight refuses them and nothing of them changes. The network unit is handed over to the
 * end: Azure holds what the provider wrote for the observed MRs (ARM's shape, the NSG association as the subnet's
 * property), so the takeover preview is empty and nothing in Azure changes.
 */
class SamplesHandoffTest {
    static final List<String> BLOCKED = List.of("team-b/orders-db", "team-a/team-a-assets");
    static final String NETWORK = "_cluster/platform-net";

    @TempDir
    Path dir;

    static PipelineEstates.Built built() {
        Path root = Shared.repoRoot();
        return PipelineEstates.build(root.resolve("samples/crossplane"), root.resolve("samples/observed/observed.yaml"));
    }

    @Test
    void theBlockedSampleUnitsAreRefusedUntouchedAndTheNetworkIsHandedOver() {
        PipelineEstates.Built b = built();
        for (String id : BLOCKED) {
            assertTrue(b.plan().unit(id).orElseThrow().blockers().stream().anyMatch(x -> x.contains("has no replacement")),
                    id + ": " + b.plan().unit(id).orElseThrow().blockers());
        }
        assertEquals(List.of(), b.plan().unit(NETWORK).orElseThrow().blockers());
        World w = new World();
        PipelineEstates.install(w, b);
        Harness h = new Harness(dir, w, b.plan());
        try (h.world) {
            assertEquals(1, h.run(Harness.execute(), ExecutorHooks.NONE));
            String t = h.transcript.toString();
            for (String id : BLOCKED) {
                UnitPlan u = b.plan().unit(id).orElseThrow();
                assertFalse(h.world.get(u.claim()).orElseThrow().path("metadata").path("annotations").has(Keys.PAUSED),
                        id + " not even paused");
                for (ManagedHandoff mr : u.resources()) {
                    assertFalse(h.world.get(mr.ref()).orElseThrow().path("spec").path("deletionPolicy").asText("")
                            .equals("Orphan") && !mr.deletionPolicy().equals("Orphan"), mr.ref().display() + " untouched");
                }
                for (AsoTarget a : u.aso()) {
                    assertTrue(h.world.get(a.ref()).isEmpty(), a.ref().display() + " not applied");
                }
            }
            assertTrue(t.contains("empty: ASO's first PUT changes nothing that Azure reports"), t);
            assertTrue(t.contains("  handed over"), t);
            UnitPlan net = b.plan().unit(NETWORK).orElseThrow();
            for (AsoTarget a : net.aso()) {
                assertTrue(t.contains(a.ref().display() + ": Ready, Azure ID " + a.azureId() + " (same as "), a.ref().display() + "\n" + t);
                assertEquals("manage", h.world.get(a.ref()).orElseThrow().path("metadata").path("annotations")
                        .path(Keys.RECONCILE_POLICY).asText(), a.ref().display());
                assertTrue(h.world.azure.get(a.azureId()).isPresent(), a.azureId() + " still in Azure");
            }
            for (ManagedHandoff mr : net.resources()) {
                assertTrue(h.world.get(mr.ref()).isEmpty(), mr.ref().display() + " retired");
            }
            h.world.rounds(Harness.AFTER_ROUNDS);
            assertEquals(List.of(), h.world.violations());
        }
    }

    /**
     * The network unit alone (the plan's other units are blocked; their objects stay live, untouched), killed right
     * after each step that changes who writes Azure, then resumed: it ends handed over, with no violation, and every
     * property Azure holds afterwards is as before or was listed in the approved takeover preview (PreviewInvariant).
     */
    @ParameterizedTest(name = "crash after {0}")
    @ValueSource(strings = {"orphan", "manage", "retire"})
    void theNetworkUnitKilledAfterAStepIsResumedSafely(String step) {
        PipelineEstates.Built b = built();
        Plan p = b.plan();
        Plan network = new Plan(p.schemaVersion(), p.asoNamespace(), p.timeoutSeconds(), p.pollSeconds(),
                List.of(p.unit(NETWORK).orElseThrow()));
        World w = new World();
        PipelineEstates.install(w, b);
        Harness h = new Harness(dir, w, network);
        try (h.world) {
            HandoffScenariosTest.CrashOnce crash = new HandoffScenariosTest.CrashOnce(NETWORK, step, true);
            assertTrue(h.runToEnd(crash, 8) > 0, h.transcript.toString());
            assertTrue(crash.fired, "the crash point was reached");
            assertEquals(List.of(), h.endStateViolations(), h.transcript.toString());
        }
    }
}
