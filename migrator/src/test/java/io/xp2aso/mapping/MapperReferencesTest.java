package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** References between MRs: owner.name when the target is migrated too, armId otherwise; the built-in catalog. */
class MapperReferencesTest {
    private static Results map(String fixture, MapOptions options) {
        return new Results(Mapper.map(Fixtures.compose(fixture, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, options));
    }

    @Test
    void siblingsInAClaimAreReferencedByName() {
        Results r = map("storage-claim.yaml", MapOptions.defaults());
        assertEquals("web-rg", r.spec("StorageAccount", "web-account").path("owner").path("name").asText());
        assertEquals("web-account", r.spec("StorageAccountsBlobService", "web-account-blobservice").path("owner").path("name").asText());
        // containers are owned by the blob service, not by the account
        assertEquals("web-account-blobservice", r.spec("StorageAccountsBlobServicesContainer", "web-assets")
                .path("owner").path("name").asText());
        JsonNode s = r.spec("StorageAccount", "web-account");
        assertEquals("Standard_GRS", s.path("sku").path("name").asText());
        assertEquals("SystemAssigned,UserAssigned", s.path("identity").path("type").asText());
        assertEquals("AzureServices, Logging", s.path("networkAcls").path("bypass").asText());
        assertEquals("198.51.100.0/24", s.path("networkAcls").path("ipRules").get(1).path("value").asText());
        assertEquals("Allow", s.path("networkAcls").path("ipRules").get(1).path("action").asText());
        assertTrue(s.path("networkAcls").path("virtualNetworkRules").get(0).path("reference").path("armId").asText()
                .endsWith("/virtualNetworks/hub/subnets/apps"));
        assertTrue(s.path("identity").path("userAssignedIdentities").get(0).path("reference").path("armId").asText()
                .endsWith("/userAssignedIdentities/web-id"));
        JsonNode blob = r.spec("StorageAccountsBlobService", "web-account-blobservice");
        assertTrue(blob.path("azureName").isMissingNode(), "the blob service is a singleton without azureName");
        assertTrue(blob.path("deleteRetentionPolicy").path("enabled").asBoolean());
        assertEquals(7, blob.path("deleteRetentionPolicy").path("days").asInt());
        assertEquals(3600, blob.path("cors").path("corsRules").get(0).path("maxAgeInSeconds").asInt());
        assertEquals("None", r.spec("StorageAccountsBlobServicesContainer", "web-assets").path("publicAccess").asText());
        assertEquals(false, r.spec("StorageAccountsBlobServicesContainer", "web-assets").path("denyEncryptionScopeOverride").asBoolean(true));
    }

    @Test
    void refsSelectorsAndArmIds() {
        Results r = map("references.yaml", new MapOptions(null, "00000000-0000-0000-0000-0000000000aa", null));
        // resourceGroupNameRef -> the migrated group; lone MRs land in the default namespace
        assertEquals("shared-rg", r.spec("StorageAccount", "logs").path("owner").path("name").asText());
        assertEquals("default", r.target("StorageAccount", "logs").path("metadata").path("namespace").asText());
        // matchLabels among all MRs
        assertEquals("shared-rg", r.spec("StorageAccount", "labelled").path("owner").path("name").asText());
        // a group outside the migration: ARM ID from the template and the subscription
        assertEquals("/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-not-migrated",
                r.spec("StorageAccount", "external").path("owner").path("armId").asText());
        assertEquals("Premium_ZRS", r.spec("StorageAccount", "external").path("sku").path("name").asText());
        // the account sets no blobProperties: no empty blob service is written; the container is owned by its ARM ID,
        // built from the account's group (its resourceGroupNameRef, resolved) and Azure name
        assertEquals("/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-shared/providers/Microsoft.Storage"
                        + "/storageAccounts/logsacct01/blobServices/default",
                r.spec("StorageAccountsBlobServicesContainer", "logs-archive").path("owner").path("armId").asText());
        assertEquals(1, r.source("logs").targets().size());
        assertEquals(1, r.source("labelled").targets().size(), "no container needs its blob service");
        // an account ID outside the migration: its blob service by ARM ID
        assertEquals("/subscriptions/00000000-0000-0000-0000-0000000000bb/resourceGroups/rg-x/providers/Microsoft.Storage/storageAccounts/otheracct/blobServices/default",
                r.spec("StorageAccountsBlobServicesContainer", "ext-data").path("owner").path("armId").asText());
        assertEquals("Container", r.spec("StorageAccountsBlobServicesContainer", "ext-data").path("publicAccess").asText());
    }

    @Test
    void kindsWithoutMappingAreReported() {
        Results r = map("references.yaml", MapOptions.defaults());
        assertEquals(Severity.ERROR, r.findings("factory", "unsupported-kind").get(0).severity());
        assertTrue(r.findings("factory", "unsupported-kind").get(0).message().contains("Factory"));
        assertTrue(r.source("factory").targets().isEmpty());
        assertEquals(Severity.INFO, r.findings("cfg", "not-azure").get(0).severity());
        // without a subscription the external group cannot be addressed
        assertEquals(1, r.findings("external", "owner-unresolved").size());
        assertTrue(r.findings("external", "owner-unresolved").get(0).message().contains("subscription"));
    }

    @Test
    void targetNamespaceAppliesToWhatHasNoNamespace() {
        Results lone = map("references.yaml", MapOptions.defaults().withTargetNamespace("platform"));
        assertEquals("platform", lone.target("StorageAccount", "logs").path("metadata").path("namespace").asText());
        Results claim = map("storage-claim.yaml", MapOptions.defaults().withTargetNamespace("platform"));
        assertEquals("team-a", claim.target("StorageAccount", "web-account").path("metadata").path("namespace").asText());
    }
}
