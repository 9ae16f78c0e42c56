package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "No unintended change" (#13.6, test world): Azure keeps each resource's properties; ASO's PUT applies the type's
 * ARM semantics (a resource group resets what the PUT omits, a storage account keeps it); after the handoff, every
 * property that differs from before ASO's first PUT must be in the takeover preview the harness approved.
 */
class HandoffPropertiesTest {
    static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-assets";
    static final String SA = RG + "/providers/Microsoft.Storage/storageAccounts/stassets01";

    @TempDir
    Path dir;

    /** The storage unit, with tags in Azure that the generated specs do not carry as they are. */
    private Harness tagged() throws Exception {
        Harness h = new Harness(dir, PlanOptions.defaults(),
                u -> u.aso().get(1).with("spec").putObject("tags").put("env", "prod"), "storage.yaml");
        ObjectNode rg = h.world.azure.get(RG).orElseThrow();
        rg.putObject("tags").put("cost-center", "42");
        h.world.azure.seed(RG, rg);
        ObjectNode sa = h.world.azure.get(SA).orElseThrow();
        sa.putObject("tags").put("env", "PROD").put("owner", "team-a");
        sa.put("minimumTlsVersion", "TLS1_2");
        h.world.azure.seed(SA, sa);
        h.world.rounds(2);
        return h;
    }

    /** The resource group CRD as ASO installs it: spec and status schemas (the fields of resources.azure.com ResourceGroup). */
    private static void resourceGroupSchema(Harness h) throws Exception {
        ObjectRef ref = new ObjectRef("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "resourcegroups.resources.azure.com");
        ObjectNode crd = h.world.get(ref).orElseThrow();
        ObjectNode props = (ObjectNode) Yaml.JSON.readTree("""
                {"spec":{"type":"object","properties":{"azureName":{"type":"string"},"location":{"type":"string"},
                  "managedBy":{"type":"string"},"operatorSpec":{"type":"object"},
                  "tags":{"type":"object","additionalProperties":{"type":"string"}}}},
                 "status":{"type":"object","properties":{"conditions":{"type":"array"},"id":{"type":"string"},
                  "location":{"type":"string"},"managedBy":{"type":"string"},"name":{"type":"string"},
                  "properties":{"type":"object"},"tags":{"type":"object","additionalProperties":{"type":"string"}},
                  "type":{"type":"string"}}}}""");
        ((ObjectNode) crd.path("spec").path("versions").get(0)).putObject("schema").putObject("openAPIV3Schema")
                .put("type", "object").set("properties", props);
        h.world.executorCluster().update(crd);
    }

    @Test
    void everyChangeInAzureWasInTheApprovedPreview() throws Exception {
        Harness h = tagged();
        try (h.world) {
            resourceGroupSchema(h);
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            List<String> approved = h.approvedPreview.get("team-a/assets");
            assertTrue(approved.contains("ResourceGroup/team-a/rg-assets: omit tags (live {\"cost-center\":\"42\"}): "
                    + "the PUT sends it absent; Azure may reset it"), String.valueOf(approved));
            assertTrue(approved.contains("StorageAccount/team-a/stassets01: change tags[\"env\"]: live \"PROD\", the PUT sends \"prod\""),
                    String.valueOf(approved));
            assertTrue(approved.contains("StorageAccount/team-a/stassets01: remove tags[\"owner\"] (live \"team-a\"): "
                    + "the PUT replaces the whole map"), String.valueOf(approved));
            assertEquals(List.of(), h.endStateViolations());
            // The resource group reset what the PUT omitted; the storage account kept it.
            assertTrue(h.world.azure.get(RG).orElseThrow().path("tags").isMissingNode());
            assertEquals("TLS1_2", h.world.azure.get(SA).orElseThrow().path("minimumTlsVersion").asText());
        }
    }

    /** Negative control: without the CRD schema the live preview cannot tell settable fields, and the reset is caught. */
    @Test
    void aChangeThePreviewDidNotShowIsAViolation() throws Exception {
        Harness h = tagged();
        try (h.world) {
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of("team-a/assets: " + RG + ": property tags changed from {\"cost-center\":\"42\"} to (absent), "
                    + "but the approved takeover preview did not list it"), h.unpreviewedChanges());
        }
    }
}
