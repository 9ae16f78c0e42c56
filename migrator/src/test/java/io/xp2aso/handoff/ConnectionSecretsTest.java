package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #13.9: the storage account's MR writes its connection Secret team-a/sa-conn (keys primaryKey, connectionString),
 * which an application reads. Retire deletes the MR with Orphan propagation, so the Secret stays; final-verify hands
 * it to the ASO resource that writes it. The unit is done only once ASO owns it and it holds every key the old one had.
 */
class ConnectionSecretsTest {
    @TempDir
    Path dir;

    private Harness withSecret(boolean expression) {
        PlanOptions quick = new PlanOptions(PlanOptions.DEFAULT_ASO_NAMESPACE, 60, 5, Set.of(), ObservedIndex.EMPTY, Map.of());
        Harness h = new Harness(dir, quick, u -> {
            u.mrs().get(1).node().with("spec").putObject("writeConnectionSecretToRef").put("name", "sa-conn")
                    .put("namespace", "team-a");
            ObjectNode op = u.aso().get(1).with("spec").putObject("operatorSpec");
            op.putObject("secrets").putObject("key1").put("name", "sa-conn").put("key", "primaryKey");
            if (expression) {
                op.putArray("secretExpressions").addObject().put("name", "sa-conn").put("key", "connectionString")
                        .put("value", "\"AccountKey=\" + secret.key1");
            }
        }, "storage.yaml");
        ObjectNode mr = h.world.get(h.plan.units().get(0).resources().get(1).ref()).orElseThrow();
        ObjectNode secret = Yaml.JSON.createObjectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret");
        ObjectNode meta = secret.putObject("metadata").put("name", "sa-conn").put("namespace", "team-a");
        meta.putArray("ownerReferences").addObject().put("apiVersion", mr.path("apiVersion").asText())
                .put("kind", mr.path("kind").asText()).put("name", mr.path("metadata").path("name").asText())
                .put("uid", mr.path("metadata").path("uid").asText()).put("controller", true);
        secret.putObject("data").put("primaryKey", "Y3Jvc3NwbGFuZQ==").put("connectionString", "Y3Jvc3NwbGFuZQ==");
        h.world.create(secret);
        return h;
    }

    @Test
    void thePlanSaysWhatReplacesEachSecretAndWhen() {
        Harness h = withSecret(true);
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertEquals(1, u.connectionSecrets().size());
            ConnectionSecret s = u.connectionSecrets().get(0);
            assertEquals("team-a/sa-conn", s.replacement());
            assertEquals(List.of("primaryKey", "connectionString"), s.keys());
            String md = PlanMarkdown.page(u);
            assertTrue(md.contains("Secret team-a/sa-conn (written for MR Account/assets-x7k2p-sa): replaced by Secret "
                    + "team-a/sa-conn with keys [primaryKey, connectionString], written by StorageAccount/team-a/stassets01"), md);
            assertFalse(md.contains("Y3Jvc3NwbGFuZQ=="), "no value in the plan");
        }
    }

    @Test
    void doneOnlyOnceTheReplacementHoldsEveryKey() {
        Harness h = withSecret(true);
        try (h.world) {
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
            ObjectNode s = h.world.get(new ObjectRef("v1", "Secret", "team-a", "sa-conn")).orElseThrow();
            assertEquals("StorageAccount", s.path("metadata").path("ownerReferences").get(0).path("kind").asText(), "ASO's now");
            assertTrue(s.path("data").has("primaryKey") && s.path("data").has("connectionString"));
            assertFalse(h.transcript.toString().contains("Y3Jvc3NwbGFuZQ=="), "no value in the output");
        }
    }

    /**
     * An application reads the Secret from before the handoff to after it: at no round is the Secret gone or short of a
     * key (retire orphans it; ASO, its owner from final-verify on, writes it), and ASO's values replace Crossplane's.
     */
    @Test
    void aConsumerFindsEveryKeyThroughoutTheHandoff() {
        Harness h = withSecret(true);
        try (h.world) {
            h.world.consumers.read("team-a", "sa-conn");
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
            assertTrue(h.transcript.toString().contains("Secret team-a/sa-conn: controller owner "
                    + "StorageAccount/team-a/stassets01 (ASO writes it from now on)"), h.transcript.toString());
            ObjectNode s = h.world.get(new ObjectRef("v1", "Secret", "team-a", "sa-conn")).orElseThrow();
            assertEquals(1, s.path("metadata").path("ownerReferences").size());
            assertFalse(s.path("data").path("primaryKey").asText().equals("Y3Jvc3NwbGFuZQ=="), "written by ASO now");
        }
    }

    /**
     * ASO writes a Secret it owns with exactly its keys: a key the old Secret had and no ASO resource writes would
     * vanish under its consumers. The Secret is not handed to ASO, so it keeps every key; the unit stops, saying why.
     */
    @Test
    void aKeyNothingWritesAnyMoreStopsTheUnitAndTheSecretKeepsIt() {
        Harness h = withSecret(false);
        try (h.world) {
            h.world.consumers.read("team-a", "sa-conn");
            assertEquals(-1, h.runToEnd(ExecutorHooks.NONE, 3));
            String out = h.transcript.toString();
            assertTrue(out.contains("Secret team-a/sa-conn holds keys [connectionString] that no ASO resource writes "
                    + "(StorageAccount/team-a/stassets01 writes [primaryKey]); once ASO owned it, they would be gone"), out);
            h.world.rounds(Harness.AFTER_ROUNDS);
            assertEquals(List.of(), h.world.violations(), "the consumer found every key throughout");
            assertFalse(out.contains("Y3Jvc3NwbGFuZQ=="), "no value in the output");
        }
    }
}
