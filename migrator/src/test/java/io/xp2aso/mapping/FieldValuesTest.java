package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values the catalog must carry exactly (issue 14 item 7). */
class FieldValuesTest {
    private static Results map(String yaml, String observedYaml) throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-values");
        Path mr = Files.writeString(dir.resolve("mr.yaml"), yaml);
        ObservedIndex observed = ObservedIndex.EMPTY;
        if (observedYaml != null) {
            Path obs = Files.writeString(dir.resolve("observed.yml"), observedYaml);
            observed = new ObservedIndex(SourceReader.read(List.of(obs.toString()), new ByteArrayInputStream(new byte[0])).manifests());
        }
        return new Results(Mapper.map(Fixtures.composeFile(mr, observed), Fixtures.builtIn(), observed,
                new MapOptions(null, DataCatalogTest.SUBSCRIPTION, Map.of())));
    }

    private static String cosmos(String filter) {
        return """
                apiVersion: cosmosdb.azure.upbound.io/v1beta1
                kind: Account
                metadata:
                  name: cosmos1
                  annotations: {crossplane.io/external-name: cosmos1}
                spec:
                  forProvider:
                    location: westeurope
                    resourceGroupName: rg1
                    offerType: Standard
                    ipRangeFilter: %s
                """.formatted(filter);
    }

    @Test
    void theOlderCommaSeparatedIpRangeFilterIsOneRulePerRange() throws Exception {
        for (String filter : List.of("'55.0.1.0/24,55.0.2.0/24'", "['55.0.1.0/24', '55.0.2.0/24']")) {
            Results r = map(cosmos(filter), null);
            JsonNode rules = r.spec("DatabaseAccount", "cosmos1").path("ipRules");
            assertEquals("[{\"ipAddressOrRange\":\"55.0.1.0/24\"},{\"ipAddressOrRange\":\"55.0.2.0/24\"}]", rules.toString(), filter);
        }
    }

    private static final String ACCOUNT_AND_CONTAINER = """
            apiVersion: storage.azure.upbound.io/v1beta1
            kind: Account
            metadata:
              name: stdata
              annotations: {crossplane.io/external-name: stdata}
            spec:
              forProvider:
                location: westeurope
                resourceGroupName: rg1
                accountTier: Standard
                accountReplicationType: LRS
            %s
            ---
            apiVersion: storage.azure.upbound.io/v1beta1
            kind: Container
            metadata:
              name: files
              annotations: {crossplane.io/external-name: files}
            spec:
              forProvider:
                storageAccountNameRef: {name: stdata}
            """;

    private static final String LIVE_ACCOUNT = """
            apiVersion: storage.azure.upbound.io/v1beta1
            kind: Account
            metadata:
              name: stdata
              annotations: {crossplane.io/external-name: stdata}
            status:
              atProvider:
                id: /subscriptions/00000000-0000-0000-0000-0000000000cc/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/stdata
            """;

    @Test
    void aContainerOfAnAccountWithoutBlobPropertiesIsOwnedByTheBlobServiceArmId() throws Exception {
        Results r = map(ACCOUNT_AND_CONTAINER.formatted(""), LIVE_ACCOUNT);
        assertTrue(r.targets().stream().noneMatch(t -> t.path("kind").asText().equals("StorageAccountsBlobService")),
                r.targets().toString());
        assertEquals("/subscriptions/00000000-0000-0000-0000-0000000000cc/resourceGroups/rg1/providers/Microsoft.Storage"
                        + "/storageAccounts/stdata/blobServices/default",
                r.spec("StorageAccountsBlobServicesContainer", "files").path("owner").path("armId").asText());
    }

    @Test
    void withoutObservedStateNoEmptyBlobServiceIsWrittenAndTheArmIdIsBuiltFromTheAccount() throws Exception {
        Results r = map(ACCOUNT_AND_CONTAINER.formatted(""), null);
        assertTrue(r.targets().stream().noneMatch(t -> t.path("kind").asText().equals("StorageAccountsBlobService")),
                r.targets().toString());
        assertEquals("/subscriptions/" + DataCatalogTest.SUBSCRIPTION + "/resourceGroups/rg1/providers/Microsoft.Storage"
                        + "/storageAccounts/stdata/blobServices/default",
                r.spec("StorageAccountsBlobServicesContainer", "files").path("owner").path("armId").asText());
    }

    @Test
    void withoutObservedStateOrSubscriptionTheEmptyOwnerIsWrittenWithAWarningSayingWhatToPass() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-values");
        Path mr = Files.writeString(dir.resolve("mr.yaml"), ACCOUNT_AND_CONTAINER.formatted(""));
        Results r = new Results(Mapper.map(Fixtures.composeFile(mr, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, null, Map.of())));
        // The container needs an owner: the blob service is written, empty, and a warning on the container says why.
        assertEquals("stdata-blobservice", r.spec("StorageAccountsBlobServicesContainer", "files").path("owner").path("name").asText());
        List<String> findings = r.source("files").findings().stream()
                .filter(f -> f.code().equals("empty-owner-written")).map(f -> f.message()).toList();
        assertEquals(1, findings.size(), r.source("files").findings().toString());
        assertTrue(findings.get(0).contains("sets no blobProperties") && findings.get(0).contains("--subscription"), findings.get(0));
    }

    @Test
    void aBlobServiceWithPropertiesIsWrittenAndOwnsTheContainer() throws Exception {
        Results r = map(ACCOUNT_AND_CONTAINER.formatted("    blobProperties:\n      - versioningEnabled: true"), LIVE_ACCOUNT);
        assertEquals(true, r.spec("StorageAccountsBlobService", "stdata-blobservice").path("isVersioningEnabled").asBoolean());
        assertEquals("stdata-blobservice", r.spec("StorageAccountsBlobServicesContainer", "files").path("owner").path("name").asText());
    }

    @Test
    void aReferenceThatCannotBeResolvedIsNotCalledAFieldNoRuleMaps() throws Exception {
        Results r = map("""
                apiVersion: containerservice.azure.upbound.io/v1beta1
                kind: KubernetesCluster
                metadata:
                  name: aks1
                  annotations: {crossplane.io/external-name: aks1}
                spec:
                  forProvider:
                    location: westeurope
                    resourceGroupName: rg1
                    dnsPrefix: aks1
                    defaultNodePool:
                      - name: system
                        vmSize: Standard_D2s_v3
                        nodeCount: 1
                        vnetSubnetIdSelector:
                          matchLabels: {network: none}
                """, null);
        List<String> unmapped = r.source("aks1").findings().stream().filter(f -> f.code().equals("unmapped-field"))
                .map(f -> f.message()).toList();
        assertEquals(1, unmapped.size(), r.source("aks1").findings().toString());
        assertTrue(unmapped.get(0).startsWith("forProvider.defaultNodePool.vnetSubnetId is not carried over: the rule")
                && unmapped.get(0).contains("could not write its value"), unmapped.get(0));
        assertTrue(r.source("aks1").findings().stream().anyMatch(f -> f.code().equals("reference-unresolved")));
    }

    @Test
    void refAndSelectorHelpersOfOwnerFieldsAreNotUnmapped() throws Exception {
        Results r = map("""
                apiVersion: eventhub.azure.upbound.io/v1beta1
                kind: EventHub
                metadata: {name: hub1, annotations: {crossplane.io/external-name: hub1}}
                spec:
                  forProvider:
                    namespaceNameRef: {name: ns1}
                    resourceGroupNameSelector: {matchLabels: {team: a}}
                    partitionCount: 2
                    messageRetention: 1
                ---
                apiVersion: cosmosdb.azure.upbound.io/v1beta1
                kind: SQLDatabase
                metadata: {name: db1, annotations: {crossplane.io/external-name: db1}}
                spec:
                  forProvider:
                    accountNameRef: {name: cosmos1}
                    resourceGroupNameSelector: {matchLabels: {team: a}}
                ---
                apiVersion: dbformysql.azure.upbound.io/v1beta1
                kind: FlexibleDatabase
                metadata: {name: mydb, annotations: {crossplane.io/external-name: mydb}}
                spec:
                  forProvider:
                    serverNameSelector: {matchLabels: {team: a}}
                    resourceGroupNameRef: {name: rg1}
                    charset: utf8mb4
                    collation: utf8mb4_unicode_ci
                """, null);
        for (String mr : List.of("hub1", "db1", "mydb")) {
            assertEquals(List.of(), r.source(mr).unmapped(), mr);
        }
    }
}
