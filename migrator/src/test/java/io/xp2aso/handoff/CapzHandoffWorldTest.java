package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.capz.CapzMapping;
import io.xp2aso.compose.Composer;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.FakeAzure;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.PipelineEstates;
import io.xp2aso.handoff.world.World;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handoff of the CAPZ sample (samples/aks: an AKS cluster with a default, an autoscaled and a fixed pool, its
 * resource group and network) in the emulated world with Cluster API and CAPZ ({@code CapzEmulator}): run to the
 * end, and killed before and after every step and resumed. Invariants as for ASO units (no DELETE reached Azure,
 * nothing created, never two writers, Azure as the specs say) and: no node pool recreated or resized, no Kubernetes
 * version changed (cluster or pool), no CAPI
 * object but the planned ones, the Cluster's control plane ready and every MachinePool at its pool's node count.
 */
@org.junit.jupiter.api.Timeout(900)
class CapzHandoffWorldTest {
    @TempDir
    Path dir;

    private int dirs;

    static PipelineEstates.Built built() {
        Path root = Shared.repoRoot();
        Estate estate = new Estate(SourceReader.read(List.of(root.resolve("samples/aks/crossplane").toString()),
                new ByteArrayInputStream(new byte[0])));
        // The world's subscription: ASO derives ARM IDs from it, the MRs report theirs with it.
        Path observed;
        try {
            observed = Files.createTempFile("capz-observed", ".yaml");
            Files.writeString(observed, Files.readString(root.resolve("samples/aks/observed.yaml"))
                    .replace("/subscriptions/8f2d6c3a-4b1e-4f7a-9c5d-2e8b7a6f1d0c", World.SUB));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Manifest> live = SourceReader.read(List.of(observed.toString()), new ByteArrayInputStream(new byte[0])).manifests();
        ObservedIndex index = new ObservedIndex(live);
        MappingResult mapped = CapzMapping.apply(Mapper.map(new Composer().compose(estate, index), MappingCatalog.load(null),
                index, new MapOptions(MapOptions.DEFAULT_NAMESPACE, null, Map.of())));
        return new PipelineEstates.Built(estate, live, mapped, PlanBuilder.build(mapped, PlanOptions.defaults().withObserved(index)));
    }

    /** A world holding the sample live, Azure seeded with its resources (the default pool as an agent pool), and the plan. */
    Harness harness() throws Exception {
        PipelineEstates.Built b = built();
        World w = new World();
        w.capz.install();
        PipelineEstates.install(w, b);
        ObjectNode secret = Yaml.JSON.createObjectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "aso-credential").put("namespace", "team-c");
        secret.putObject("data").put("AZURE_SUBSCRIPTION_ID", "MDAwMDAwMDA=");
        w.create(secret);
        w.rounds(2);
        Map<String, String> versions = versions(w);
        assertTrue(versions.values().stream().anyMatch(v -> !v.isEmpty()), "Azure reports the cluster's version: " + versions);
        return new Harness(Files.createDirectories(dir.resolve("s" + dirs++)), w, b.plan());
    }

    /** The node count of every agent pool in Azure. */
    static Map<String, Long> poolCounts(World w) {
        Map<String, Long> out = new LinkedHashMap<>();
        w.azure.all().forEach((id, p) -> {
            if (id.toLowerCase().contains("/agentpools/")) {
                out.put(id.toLowerCase(), p.path("count").asLong(-1));
            }
        });
        return out;
    }

    /** The Kubernetes version of every managed cluster and agent pool in Azure ("" where Azure reports none). */
    static Map<String, String> versions(World w) {
        Map<String, String> out = new LinkedHashMap<>();
        w.azure.all().forEach((id, p) -> {
            String lower = id.toLowerCase();
            if (lower.contains("/agentpools/")) {
                out.put(lower, p.path("orchestratorVersion").asText(""));
            } else if (lower.matches(".*/providers/microsoft\\.containerservice/managedclusters/[^/]+")) {
                out.put(lower, p.path("kubernetesVersion").asText(""));
            }
        });
        return out;
    }

    /** What no handoff may change in Azure: each pool's node count, the cluster's and pools' Kubernetes versions. */
    record Pools(Map<String, Long> counts, Map<String, String> versions) {
        static Pools of(World w) {
            return new Pools(poolCounts(w), CapzHandoffWorldTest.versions(w));
        }
    }

    /** Everything that must hold once the unit is handed over; empty when it does. */
    static List<String> violations(Harness h, Pools before) {
        List<String> out = new ArrayList<>(h.endStateViolations());
        World w = h.world;
        if (!poolCounts(w).equals(before.counts())) {
            out.add("node pools resized: before " + before.counts() + ", after " + poolCounts(w));
        }
        if (!versions(w).equals(before.versions())) {
            out.add("Kubernetes versions changed (an upgrade or downgrade): before " + before.versions() + ", after "
                    + versions(w));
        }
        for (FakeAzure.Op op : w.azure.log()) {
            if (op.id().toLowerCase().contains("/agentpools/") && (op.created() || op.method().equals("DELETE"))) {
                out.add("node pool recreated: " + op);
            }
        }
        UnitPlan u = h.plan.units().get(0);
        List<ObjectRef> planned = u.capi().stream().map(ObjectRef::of).toList();
        w.capz.unexpected(planned).forEach(r -> out.add(r + ": a Cluster API object the plan does not hold"));
        for (ObjectRef r : planned) {
            JsonNode live = w.get(r).orElse(null);
            if (live == null) {
                out.add(r.display() + " missing");
            } else if (r.kind().equals("Cluster") && !live.path("status").path("controlPlaneReady").asBoolean(false)) {
                out.add(r.display() + ": control plane not ready");
            }
        }
        for (ObjectNode c : u.capi()) {
            if (c.path("kind").asText().equals("AzureASOManagedMachinePool")) {
                ObjectRef pool = ObjectRef.of(CapzPlan.asoObjects(c).get(0));
                long count = w.get(pool).map(p -> p.path("status").path("count").asLong(-1)).orElse(-1L);
                ObjectRef mp = planned.stream().filter(r -> r.kind().equals("MachinePool") && r.name().equals(pool.name()))
                        .findFirst().orElseThrow();
                long replicas = w.get(mp).map(p -> p.path("status").path("replicas").asLong(-2)).orElse(-2L);
                if (count != replicas) {
                    out.add(mp.display() + ": status.replicas " + replicas + ", its pool has " + count + " nodes");
                }
            }
        }
        return out;
    }

    @Test
    void theCapzUnitIsHandedOverWithoutTouchingAPool() throws Exception {
        Harness h = harness();
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertEquals(List.of(), u.blockers());
            assertEquals(9, u.capi().size());
            assertTrue(u.steps().stream().anyMatch(s -> s.action() == StepAction.CAPZ_ADOPT));
            Pools before = Pools.of(h.world);
            assertEquals(3, before.counts().size(), before.toString());
            int runs = run(h, ExecutorHooks.NONE);
            assertTrue(runs > 0, h.transcript.toString());
            assertEquals(List.of(), violations(h, before), h.transcript.toString());
            // The ManagedCluster and pools are managed by ASO under CAPZ's control, the policy set in the CAPZ objects.
            for (ObjectNode c : u.capi()) {
                for (ObjectNode e : CapzPlan.asoObjects(c)) {
                    JsonNode live = h.world.get(ObjectRef.of(e)).orElseThrow();
                    assertEquals("manage", live.path("metadata").path("annotations").path(Keys.RECONCILE_POLICY).asText());
                    assertEquals(c.path("kind").asText(), live.path("metadata").path("ownerReferences").path(0).path("kind").asText());
                    ObjectNode capz = h.world.get(ObjectRef.of(c)).orElseThrow();
                    assertEquals("manage", capz.path("spec").path("resources").path(0).path("metadata").path("annotations")
                            .path(Keys.RECONCILE_POLICY).asText());
                }
            }
        }
    }

    /**
     * Negative control of the version invariant: after the hand-over, the control plane's version raised through the
     * CAPZ object (CAPZ copies it into the ManagedCluster, ASO PUTs it) is reported as an upgrade.
     */
    @Test
    void aKubernetesUpgradeIsAViolation() throws Exception {
        Harness h = harness();
        try (h.world) {
            Pools before = Pools.of(h.world);
            assertTrue(run(h, ExecutorHooks.NONE) > 0, h.transcript.toString());
            assertEquals(List.of(), violations(h, before), h.transcript.toString());
            ObjectNode cp = h.plan.units().get(0).capi().stream()
                    .filter(c -> c.path("kind").asText().equals("AzureASOManagedControlPlane")).findFirst().orElseThrow();
            ObjectNode live = h.world.get(ObjectRef.of(cp)).orElseThrow();
            ((ObjectNode) live.path("spec").path("resources").path(0).path("spec")).put("kubernetesVersion", "1.32");
            h.world.executorCluster().update(live);
            h.world.rounds(4);
            List<String> found = violations(h, before);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("Kubernetes versions changed")), found.toString());
        }
    }

    /** Killed before and after every step, then resumed: the same end, no violation. */
    @Test
    void aCrashAtEveryStepIsResumedSafely() throws Exception {
        List<String> violations = new ArrayList<>();
        Harness first = harness();
        List<String> steps = first.plan.units().get(0).steps().stream().map(Step::id).toList();
        first.world.close();
        int scenarios = 0;
        for (String step : steps) {
            for (boolean after : new boolean[]{false, true}) {
                Harness h = harness();
                try (h.world) {
                    Pools before = Pools.of(h.world);
                    HandoffScenariosTest.CrashOnce crash = new HandoffScenariosTest.CrashOnce("team-c/payments", step, after);
                    String name = (after ? "after " : "before ") + step;
                    if (run(h, crash) < 0) {
                        violations.add(name + ": did not finish\n" + h.transcript);
                    }
                    violations(h, before).forEach(v -> violations.add(name + ": " + v));
                    scenarios++;
                }
            }
        }
        assertEquals(2 * steps.size(), scenarios);
        assertEquals(List.of(), violations);
    }

    /** Rolled back after the CAPZ objects took control: they are deleted, the ASO objects too, Azure untouched. */
    @Test
    void aRollbackAfterAdoptionLeavesAzureAndCrossplaneAsTheyWere() throws Exception {
        rollBackBefore("preview");
    }

    /** Rolled back after the hand-over: manage's rollback puts skip back through the CAPZ objects before they go. */
    @Test
    void aRollbackAfterTheHandOverLeavesAzureAndCrossplaneAsTheyWere() throws Exception {
        rollBackBefore("verify-managed");
    }

    /** The resource group's ASO object gone from the namespace before adoption: capz-adopt stops before any CAPI object. */
    @Test
    void aResourceGroupGoneFromTheNamespaceStopsTheAdoption() throws Exception {
        Harness h = harness();
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            runUntilBefore(h, "capz-adopt");
            ObjectRef rg = u.aso().stream().map(AsoTarget::ref).filter(r -> r.kind().equals("ResourceGroup")).findFirst()
                    .orElseThrow();
            h.world.delete(rg);
            h.world.rounds(3);
            assertTrue(h.world.get(rg).isEmpty());
            assertTrue(h.run(new RunOptions(true, true, "", false, Set.of(u.id())), ExecutorHooks.NONE) != 0,
                    h.transcript.toString());
            assertTrue(h.transcript.toString().contains("the resource group of ManagedCluster/team-c/payments-cluster, "
                    + "ResourceGroup team-c/payments-resource-group, is not an object of the namespace"), h.transcript.toString());
            for (ObjectNode c : u.capi()) {
                assertTrue(h.world.get(ObjectRef.of(c)).isEmpty(), ObjectRef.of(c).display() + " was applied");
            }
            assertEquals(List.of(), h.world.violations());
        }
    }

    /**
     * A MachinePool scaled by hand after adoption (CAPZ copies its replicas into the pool's spec; ASO, in skip, does
     * not write): the gate before manage stops the run, so ASO never PUTs the new count.
     */
    @Test
    void aMachinePoolScaledAfterAdoptionStopsTheHandOver() throws Exception {
        Harness h = harness();
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            Map<String, Long> before = poolCounts(h.world);
            runUntilBefore(h, "manage");
            ObjectRef batch = u.capi().stream().map(ObjectRef::of)
                    .filter(r -> r.kind().equals("MachinePool") && r.name().equals("payments-batch-pool")).findFirst().orElseThrow();
            ObjectNode pool = h.world.get(batch).orElseThrow();
            pool.with("spec").put("replicas", 5);
            h.world.executorCluster().update(pool);
            h.world.rounds(3);
            assertTrue(h.run(new RunOptions(true, true, "", false, Set.of(u.id())), ExecutorHooks.NONE) != 0,
                    h.transcript.toString());
            assertTrue(h.transcript.toString().contains("MachinePool/team-c/payments-batch-pool asks for 5 replicas but the "
                    + "pool has 2 nodes in Azure"), h.transcript.toString());
            assertEquals(before, poolCounts(h.world));
            assertEquals(List.of(), h.world.azure.log().stream().filter(op -> op.writer().equals("aso")
                    && op.id().toLowerCase().contains("/agentpools/")).toList());
        }
    }

    /** Runs (approving what a stop showed) until the executor is about to run {@code step}. */
    private static void runUntilBefore(Harness h, String step) {
        String unit = h.plan.units().get(0).id();
        HandoffScenariosTest.CrashOnce stop = new HandoffScenariosTest.CrashOnce(unit, step, false);
        Set<String> approve = Set.of();
        for (int i = 0; i < 6; i++) {
            try {
                h.run(new RunOptions(true, true, "", false, approve), stop);
            } catch (Harness.Crash expected) {
                h.world.rounds(3);
                return;
            }
            approve = Set.of(unit);
            h.world.rounds(3);
        }
        throw new AssertionError("never reached " + step + "\n" + h.transcript);
    }

    private void rollBackBefore(String step) throws Exception {
        Harness h = harness();
        try (h.world) {
            Map<String, Long> before = poolCounts(h.world);
            UnitPlan u = h.plan.units().get(0);
            runUntilBefore(h, step);
            assertTrue(h.world.get(ObjectRef.of(u.capi().get(0))).isPresent(), h.transcript.toString());
            assertEquals(0, h.run(new RunOptions(true, false, "", true, Set.of()), ExecutorHooks.NONE), h.transcript.toString());
            h.world.rounds(6);
            for (ObjectNode c : u.capi()) {
                assertTrue(h.world.get(ObjectRef.of(c)).isEmpty(), ObjectRef.of(c).display() + " still exists");
            }
            for (AsoTarget t : u.aso()) {
                assertTrue(h.world.get(t.ref()).isEmpty(), t.ref().display() + " still exists");
            }
            for (ManagedHandoff mr : u.resources()) {
                assertTrue(h.world.get(mr.ref()).isPresent(), mr.ref().display() + " is gone");
            }
            assertEquals(before, poolCounts(h.world));
            assertEquals(List.of(), h.world.azure.log().stream().filter(op -> op.method().equals("DELETE")).toList());
            assertEquals(List.of(), h.world.violations());
        }
    }

    /** Runs to the end like an operator: resumes after a crash, approves what a stop showed (drift, preview). */
    static int run(Harness h, ExecutorHooks hooks) {
        Set<String> approve = Set.of();
        for (int i = 1; i <= 8; i++) {
            try {
                if (h.run(new RunOptions(true, true, "", false, approve), hooks) == 0) {
                    return i;
                }
            } catch (Harness.Crash c) {
                h.transcript.append("CRASH ").append(c.getMessage()).append('\n');
            }
            approve = Set.of(h.plan.units().get(0).id());
            h.world.rounds(3);
        }
        return -1;
    }
}
