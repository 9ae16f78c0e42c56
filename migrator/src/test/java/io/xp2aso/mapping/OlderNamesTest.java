package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.source.InputException;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field names of the original upbound/provider-azure (azurerm 3.x) map to the same ASO fields as the current names
 * (catalog key {@code olderNames}, and rules reading fields only the older provider has): fixture
 * mapping/older-names/input.yaml. Without the catalog entries every one of them was an unmapped field.
 */
class OlderNamesTest {
    private static List<MappedResource> map() {
        MappingResult r = Mapper.map(Fixtures.compose("older-names/input.yaml", ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, NetworkMappingTest.SUBSCRIPTION, Map.of()));
        List<MappedResource> out = new ArrayList<>();
        r.units().forEach(u -> out.addAll(u.resources()));
        return out;
    }

    private static MappedResource mr(List<MappedResource> all, String name) {
        return all.stream().filter(m -> m.source().object().path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow();
    }

    private static JsonNode spec(MappedResource m) {
        return m.targets().get(0).path("spec");
    }

    @Test
    void olderNamesLandOnTheSameAsoFieldsAndNothingIsUnmapped() {
        List<MappedResource> all = map();
        for (MappedResource m : all) {
            assertEquals(List.of(), m.unmapped(), m.source().object().path("metadata").path("name").asText());
            assertTrue(m.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), m.findings().toString());
        }
        JsonNode aks = spec(mr(all, "legacy-aks"));
        JsonNode pool = aks.path("agentPoolProfiles").get(0);
        assertEquals(true, pool.path("enableAutoScaling").asBoolean(false));
        assertEquals(true, pool.path("enableEncryptionAtHost").asBoolean(false));
        assertEquals("[\"dedicated=system:NoSchedule\"]", pool.path("nodeTaints").toString());
        assertEquals("[\"203.0.113.0/24\",\"198.51.100.7/32\"]", aks.path("apiServerAccessProfile").path("authorizedIPRanges").toString());
        assertEquals("stable", aks.path("autoUpgradeProfile").path("upgradeChannel").asText());
        assertEquals("NodeImage", aks.path("autoUpgradeProfile").path("nodeOSUpgradeChannel").asText());
        assertEquals("cilium", aks.path("networkProfile").path("networkDataplane").asText());
        assertEquals("Enabled", aks.path("publicNetworkAccess").asText());
        assertTrue(aks.path("ingressProfile").path("webAppRouting").path("dnsZoneResourceReferences").get(0)
                .path("armId").asText().endsWith("/dnszones/example.com"), aks.toString());

        assertEquals(false, spec(mr(all, "legacysa")).path("supportsHttpsTrafficOnly").asBoolean(true));
        JsonNode redis = spec(mr(all, "legacy-redis"));
        assertEquals(true, redis.path("enableNonSslPort").asBoolean(false));
        assertEquals("no", redis.path("redisConfiguration").path("authnotrequired").asText(), redis.toString());
        JsonNode acr = spec(mr(all, "legacyacr")).path("policies");
        assertEquals("enabled", acr.path("trustPolicy").path("status").asText(), acr.toString());
        assertEquals(14, acr.path("retentionPolicy").path("days").asInt());
        assertEquals("enabled", acr.path("retentionPolicy").path("status").asText());
        assertEquals(true, spec(mr(all, "legacy-sb")).path("zoneRedundant").asBoolean(false));
        JsonNode queue = spec(mr(all, "legacy-queue"));
        assertEquals(true, queue.path("enablePartitioning").asBoolean(false));
        assertEquals(false, queue.path("enableBatchedOperations").asBoolean(true));

        List<String> notes = mr(all, "legacy-aks").findings().stream().filter(f -> f.code().equals("older-field-name"))
                .map(Finding::message).toList();
        assertEquals(6, notes.size(), notes.toString());
        assertTrue(notes.contains("forProvider.defaultNodePool.enableAutoScaling is the older field name of "
                + "defaultNodePool.autoScalingEnabled (upbound/provider-azure, Terraform azurerm 3.x); it is mapped as "
                + "defaultNodePool.autoScalingEnabled"), notes.toString());
    }

    @Test
    void everyTargetValidatesAgainstTheAsoCrds() {
        Shared.reference();
        for (MappedResource m : map()) {
            for (ObjectNode t : m.targets()) {
                List<SchemaValidator.Problem> problems = NetworkMappingTest.validator().validate(t);
                assertTrue(problems.isEmpty(), t.path("kind").asText() + " does not validate: " + problems);
            }
        }
    }

    /** A test catalog: a rename whose value has no equivalent, both names set, and an unmapped current name. */
    @Test
    void valuesWithoutEquivalentAndConflictsAreReportedAndUnmappedFieldsKeepTheirOlderName() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-older");
        Files.writeString(dir.resolve("subnet.yaml"), """
                source: {group: network.azure.upbound.io, kind: Subnet}
                targets:
                  - id: subnet
                    apiVersion: network.azure.com/v1api20240301
                    kind: VirtualNetworksSubnet
                    azureName: {fixed: x}
                    rules:
                      - {from: privateEndpointNetworkPolicies, to: privateEndpointNetworkPolicies}
                olderNames:
                  - from: enforcePrivateLinkEndpointNetworkPolicies
                    to: privateEndpointNetworkPolicies
                    values: {'true': Disabled}
                  - {from: oldName, to: serviceEndpoints}
                  - {from: addressPrefix, to: addressPrefixes}
                """);
        MappingCatalog catalog = MappingCatalog.load(dir);
        MappedResource a = one(catalog, """
                apiVersion: network.azure.upbound.io/v1beta1
                kind: Subnet
                metadata: {name: a}
                spec:
                  forProvider:
                    enforcePrivateLinkEndpointNetworkPolicies: false
                    oldName: [Microsoft.Storage]
                    addressPrefix: [10.0.0.0/24]
                    addressPrefixes: [10.0.1.0/24]
                """);
        // addressPrefixes keeps its own name: the older one lost to it (and this test catalog maps neither).
        assertEquals(List.of("addressPrefixes", "enforcePrivateLinkEndpointNetworkPolicies", "oldName"), a.unmapped());
        List<String> messages = a.findings().stream().map(Finding::message).toList();
        assertTrue(messages.contains("forProvider.enforcePrivateLinkEndpointNetworkPolicies (the older name of "
                + "privateEndpointNetworkPolicies) is `false`, which has no equivalent value of privateEndpointNetworkPolicies [true]"),
                messages.toString());
        assertTrue(messages.contains("forProvider.addressPrefix and its current name addressPrefixes are both set and differ "
                + "(`[\"10.0.0.0/24\"]`, `[\"10.0.1.0/24\"]`); addressPrefixes is used"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("forProvider.oldName (the older field name of serviceEndpoints) "
                + "is not carried over: no rule of the mapping of Subnet (" + catalog.entries().get(0).origin().file()
                + ") maps it to an ASO field")), messages.toString());
    }

    private static MappedResource one(MappingCatalog catalog, String yaml) throws Exception {
        Path f = Files.createTempFile("xp2aso-older", ".yaml");
        Files.writeString(f, yaml);
        io.xp2aso.model.ComposeResult composed = Fixtures.composeFile(f, ObservedIndex.EMPTY);
        return Mapper.map(composed, catalog, ObservedIndex.EMPTY, MapOptions.defaults()).units().get(0).resources().get(0);
    }

    @Test
    void parserRejectsBadEntries() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-older-bad");
        Files.writeString(dir.resolve("rg.yaml"), """
                source: {group: azure.upbound.io, kind: ResourceGroup}
                targets:
                  - {id: rg, apiVersion: resources.azure.com/v1api20200601, kind: ResourceGroup}
                olderNames:
                  - {from: a, to: b, negate: true, values: {'true': x}}
                """);
        InputException e = assertThrows(InputException.class, () -> MappingCatalog.load(dir));
        assertEquals(5, e.origin().line(), e.getMessage());
        assertTrue(e.getMessage().contains("`values` or `negate`"), e.getMessage());
    }
}
