package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only the cluster knows: external names, IDs, observed state (completion and drift); Key Vault merges. */
class MapperObservedTest {
    private static Results map(ObservedIndex observed) {
        return new Results(Mapper.map(Fixtures.compose("observed-claim.yaml", observed), Fixtures.builtIn(), observed,
                MapOptions.defaults()));
    }

    @Test
    void withoutTheClusterAzureNamesAreUnknown() {
        Results r = map(ObservedIndex.EMPTY);
        List<Finding> f = r.findings("azure-name-unknown");
        assertEquals(3, f.size(), f.toString()); // rg, account, vault
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.ERROR));
        assertTrue(r.spec("StorageAccount", "app-account").path("azureName").isMissingNode());
        // a policy naming the vault by ID still finds it by name and group... but the vault's name is unknown here
        assertEquals(1, r.findings("policy-ops", "merge-target-missing").size());
        assertEquals(1, r.findings("policy-app", "merged").size());
    }

    @Test
    void liveObjectsSupplyNamesAndCompleteTheSpec() {
        Results r = map(Fixtures.observed("observed-live.yaml"));
        assertTrue(r.findings("azure-name-unknown").isEmpty());
        assertEquals("rg-app-b", r.spec("ResourceGroup", "app-rg").path("azureName").asText());
        JsonNode acct = r.spec("StorageAccount", "app-account");
        assertEquals("appbst7k2p", acct.path("azureName").asText());
        assertEquals("app-rg", acct.path("owner").path("name").asText());
        // completion: not in the Composition, taken from atProvider
        assertEquals("Hot", acct.path("accessTier").asText());
        assertTrue(acct.path("supportsHttpsTrafficOnly").asBoolean());
        Finding completion = r.findings("account", "observed-completion").get(0);
        assertTrue(completion.message().contains("accessTier") && completion.message().contains("httpsTrafficOnlyEnabled"));
        // desired wins over observed, and the difference is drift
        assertEquals("TLS1_2", acct.path("minimumTlsVersion").asText());
        List<Finding> drift = r.findings("account", "drift");
        assertEquals(1, drift.size(), drift.toString());
        assertTrue(drift.get(0).message().contains("minTlsVersion") && drift.get(0).message().contains("TLS1_0"));
        // live blob properties the Composition does not manage make no blob service object
        assertEquals(1, r.source("account").targets().size());
        // "West Europe" and westeurope are the same location: no drift for the vault
        assertTrue(r.findings("vault", "drift").isEmpty(), r.findings("vault", "drift").toString());
    }

    @Test
    void accessPoliciesMergeIntoTheVaultWithTheLiveList() {
        Results r = map(Fixtures.observed("observed-live.yaml"));
        JsonNode props = r.spec("Vault", "app-vault").path("properties");
        assertEquals("kv-app-b", r.spec("Vault", "app-vault").path("azureName").asText());
        assertEquals("A", props.path("sku").path("family").asText());
        assertEquals("standard", props.path("sku").path("name").asText());
        assertEquals("createOrRecover", props.path("createMode").asText());
        assertEquals(90, props.path("softDeleteRetentionInDays").asInt());
        JsonNode policies = props.path("accessPolicies");
        List<String> ids = new ArrayList<>();
        policies.forEach(p -> ids.add(p.path("objectId").asText()));
        // live 2222 replaced by the MR's (Get, List), live 4444 kept, MR 3333 (found by ARM ID) added
        assertEquals(List.of("22222222-2222-2222-2222-222222222222", "44444444-4444-4444-4444-444444444444",
                "33333333-3333-3333-3333-333333333333"), ids);
        assertEquals("[\"get\",\"list\"]", policies.get(0).path("permissions").path("secrets").toString());
        assertEquals("[\"get\",\"wrapKey\",\"unwrapKey\"]", policies.get(2).path("permissions").path("keys").toString());
        assertTrue(r.source("policy-ops").targets().isEmpty());
        assertTrue(r.findings("merge-target-missing").isEmpty());
        assertEquals(Severity.WARNING, r.findings("vault", "ignored-field").get(0).severity());
    }

    @Test
    void namesMadeUpByTheComposeStageAreNotAzureNames() {
        Results r = new Results(Mapper.map(Fixtures.compose("generated-names.yaml", ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, MapOptions.defaults()));
        assertEquals(1, r.findings("generated", "azure-name-unknown").size());
        assertTrue(r.spec("StorageAccount", "app-generated").path("azureName").isMissingNode());
        assertEquals("appcexplicit", r.spec("StorageAccount", "app-explicit").path("azureName").asText());
        assertTrue(r.findings("explicit", "azure-name-unknown").isEmpty());
    }

    @Test
    void externalNamesThatAreArmIdsGiveTheirLastSegment() {
        assertEquals("3f2504e0-4f89-41d3-9a0c-0305e82c3301", ArmId.lastSegment(
                "/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        assertEquals("data", ArmId.lastSegment("https://acct.blob.core.windows.net/data"));
        assertEquals("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a/blobServices/default",
                ArmId.parent("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a/blobServices/default/containers/c"));
        assertEquals("/subscriptions/s/resourceGroups/rg", ArmId.parent("/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v"));
    }
}
