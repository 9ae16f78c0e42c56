package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The world catches what the handoff must prevent: these do the unsafe things by hand (no executor) and expect
 * violations, so a passing scenario means something.
 */
class WorldControlTest {
    @TempDir
    Path dir;

    @Test
    void deletingAnMrWithDeletePolicyReachesAzure() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            h.world.executorCluster().delete(h.plan.units().get(0).resources().get(1).ref());
            h.world.rounds(2);
            assertTrue(h.world.violations().stream().anyMatch(v -> v.contains("DELETE reached Azure")), h.world.violations().toString());
        }
    }

    @Test
    void orphanWithoutObserveStillDeletesWhenPoliciesHoldDelete() {
        Harness h = new Harness(dir, "postgres.yaml");
        try (h.world) {
            // the firewall rule has managementPolicies with Delete but not "*": Orphan alone does not protect it
            ObjectRef fw = h.plan.units().get(0).resources().get(2).ref();
            ObjectNode live = h.world.get(fw).orElseThrow();
            live.with("spec").put("deletionPolicy", "Orphan");
            h.world.executorCluster().update(live);
            h.world.executorCluster().delete(fw);
            h.world.rounds(2);
            assertTrue(h.world.violations().stream().anyMatch(v -> v.contains("DELETE reached Azure")), h.world.violations().toString());
        }
    }

    @Test
    void asoManagingWhileCrossplaneStillWritesIsCaught() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            AsoTarget sa = h.plan.units().get(0).aso().get(0);
            ObjectNode m = sa.manifest().deepCopy();
            m.with("metadata").with("annotations").put(Keys.RECONCILE_POLICY, Keys.POLICY_MANAGE);
            h.world.executorCluster().create(m);
            h.world.rounds(2);
            assertTrue(h.world.violations().stream().anyMatch(v -> v.contains("both managers")), h.world.violations().toString());
        }
    }

    @Test
    void anUnpausedXrRecreatesADeletedMr() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            ObjectRef account = h.plan.units().get(0).resources().get(1).ref();
            ObjectNode live = h.world.get(account).orElseThrow();
            live.with("spec").put("deletionPolicy", "Orphan");
            h.world.executorCluster().update(live);
            h.world.executorCluster().delete(account);
            h.world.rounds(3);
            List<String> names = h.world.executorCluster().list(account.apiVersion(), account.kind(), "").stream()
                    .map(o -> o.path("metadata").path("name").asText()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith(account.name() + "-re")), names.toString());
        }
    }

    /** Negative control for #13.1: an XR deleted with background propagation takes an MR the plan does not know. */
    @Test
    void backgroundDeletionOfAnXrGarbageCollectsAnUnknownMr() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            ObjectRef extra = io.xp2aso.handoff.world.Intruders.unknownMr(h.world, u.composite(), u.resources().get(2).ref());
            h.world.deleteBackground(u.composite());
            h.world.rounds(Harness.AFTER_ROUNDS);
            assertTrue(h.world.violations().stream().anyMatch(v -> v.contains("DELETE reached Azure")
                    && v.contains("extra")), h.world.violations().toString());
            assertTrue(h.world.get(extra).isEmpty(), "garbage collected");
        }
    }

    /** Negative control for #13.7: an upjet apply in flight writes Azure after the MR became observe-only. */
    @Test
    void anApplyInFlightOutlivesTheSwitchToObserve() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            h.world.async.crossplaneRounds = 6;
            ObjectRef account = HandoffAsyncTest.startApply(h);
            ObjectNode live = h.world.get(account).orElseThrow();
            live.with("spec").put("deletionPolicy", "Orphan").putArray("managementPolicies").add("Observe");
            h.world.executorCluster().update(live);
            AsoTarget sa = h.plan.units().get(0).aso().get(1);
            ObjectNode m = sa.manifest().deepCopy();
            m.with("metadata").with("annotations").put(Keys.RECONCILE_POLICY, Keys.POLICY_MANAGE);
            for (AsoTarget t : h.plan.units().get(0).aso()) {
                h.world.executorCluster().create(t == sa ? m : t.manifest().deepCopy());
            }
            h.world.rounds(8);
            assertTrue(h.world.violations().stream().anyMatch(v -> v.contains("both managers") && v.contains("in flight")),
                    h.world.violations().toString());
        }
    }

    /** Negative control of the Secret consumers: a Secret deleted and written again between two rounds is caught. */
    @Test
    void aSecretGoneForARoundIsCaughtByItsConsumer() {
        try (World w = new World()) {
            ObjectNode secret = io.xp2aso.source.Yaml.JSON.createObjectNode();
            secret.put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", "app-conn").put("namespace", "team-a");
            secret.putObject("data").put("password", "eA==");
            w.create(secret.deepCopy());
            w.consumers.read("team-a", "app-conn");
            w.rounds(1);
            assertEquals(List.of(), w.violations());
            w.delete(new ObjectRef("v1", "Secret", "team-a", "app-conn"));
            w.rounds(1);
            w.create(secret.deepCopy());
            w.rounds(1);
            assertTrue(w.violations().stream().anyMatch(v -> v.contains("a consumer of Secret team-a/app-conn found it gone")),
                    w.violations().toString());
        }
    }
}
