package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each construct of the mapping format, through the test catalog (src/test/resources/mapping/catalog/). */
class MapperConstructsTest {
    static Results r;

    @BeforeAll
    static void map() {
        MappingCatalog c = MappingCatalog.load(Fixtures.resource("catalog"));
        r = new Results(Mapper.map(Fixtures.compose("constructs.yaml", ObservedIndex.EMPTY), c, ObservedIndex.EMPTY,
                new MapOptions(null, "00000000-0000-0000-0000-0000000000aa", null)));
    }

    @Test
    void renamesAndSplitsAndUnitChanges() {
        JsonNode s = r.spec("FlexibleServer", "db-serverv1");
        assertEquals("pg-db-one", s.path("azureName").asText());
        assertEquals("westeurope", s.path("location").asText());
        assertEquals("Standard_B1ms", s.path("sku").path("name").asText());
        assertEquals("Burstable", s.path("sku").path("tier").asText());
        assertEquals(32, s.path("storage").path("storageSizeGB").asInt());
        assertTrue(s.path("storage").path("storageSizeGB").isIntegralNumber());
        assertEquals("Enabled", s.path("storage").path("autoGrow").asText());
        assertTrue(s.path("backup").path("backupRetentionDays").isIntegralNumber(), "7.0 coerced to an integer");
        JsonNode two = r.spec("FlexibleServer", "db-serverv2");
        assertEquals("Standard_D2s_v3", two.path("sku").path("name").asText());
        assertEquals("GeneralPurpose", two.path("sku").path("tier").asText());
        assertEquals(64, two.path("storage").path("storageSizeGB").asInt());
    }

    @Test
    void oneRuleReadsV1beta1ArraysAndV1beta2Objects() {
        JsonNode v1 = r.spec("FlexibleServer", "db-serverv1");
        JsonNode v2 = r.spec("FlexibleServer", "db-serverv2");
        assertEquals("ZoneRedundant", v1.path("highAvailability").path("mode").asText());
        assertEquals("2", v1.path("highAvailability").path("standbyAvailabilityZone").asText());
        assertEquals("SameZone", v2.path("highAvailability").path("mode").asText());
        // fields: a block becomes an object with a constant
        assertEquals("Enabled", v1.path("maintenanceWindow").path("customWindow").asText());
        assertEquals(3, v1.path("maintenanceWindow").path("startHour").asInt());
        assertEquals(6, v2.path("maintenanceWindow").path("dayOfWeek").asInt());
    }

    @Test
    void listElementsAreReshaped() {
        JsonNode s = r.spec("VirtualNetworksSubnet", "db-subnet");
        assertEquals("Microsoft.Storage", s.path("serviceEndpoints").get(0).path("service").asText());
        assertEquals("Microsoft.Sql", s.path("serviceEndpoints").get(1).path("service").asText());
        assertEquals("Disabled", s.path("privateLinkServiceNetworkPolicies").asText());
    }

    @Test
    void oneMrBecomesSeveralObjects() {
        JsonNode allow = r.spec("NetworkSecurityGroupsSecurityRule", "db-nsg-allow-pg");
        assertEquals("allow-pg", allow.path("azureName").asText());
        assertEquals("db-nsg", allow.path("owner").path("name").asText());
        assertEquals(100, allow.path("priority").asInt());
        assertEquals("5432", allow.path("destinationPortRange").asText());
        assertEquals("Deny", r.spec("NetworkSecurityGroupsSecurityRule", "db-nsg-deny-all").path("access").asText());
        assertEquals(3, r.source("nsg").targets().size());
        assertTrue(r.source("nsg").unmapped().isEmpty(), "inline rules are consumed: " + r.source("nsg").unmapped());
    }

    @Test
    void severalMrsBecomeOneObject() {
        JsonNode ref = r.spec("VirtualNetworksSubnet", "db-subnet").path("networkSecurityGroup").path("reference");
        assertEquals("network.azure.com", ref.path("group").asText());
        assertEquals("NetworkSecurityGroup", ref.path("kind").asText());
        assertEquals("db-nsg", ref.path("name").asText());
        assertTrue(r.source("subnetnsg").targets().isEmpty());
        assertEquals(1, r.findings("subnetnsg", "merged").size());
        assertTrue(r.target("VirtualNetworksSubnet", "db-subnet").path("metadata").path("annotations")
                .path(Mapper.MERGED_FROM).asText().contains("SubnetNetworkSecurityGroupAssociation"));
    }

    @Test
    void ownerOfAnUnmigratedParentIsAnArmIdFromTheTemplate() {
        assertEquals("/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub",
                r.spec("VirtualNetworksSubnet", "db-subnet").path("owner").path("armId").asText());
        assertTrue(r.source("subnet").unmapped().isEmpty(), "resourceGroupName is used by the ARM ID template");
    }

    @Test
    void everyFieldIsMappedIgnoredOrReported() {
        MappedResource one = r.source("serverv1");
        assertEquals(List.of("geoRedundantBackupEnabled"), one.unmapped());
        List<Finding> unmapped = r.findings("serverv1", "unmapped-field");
        assertEquals(1, unmapped.size());
        assertEquals(Severity.UNMAPPED, unmapped.get(0).severity());
        List<Finding> ignored = r.findings("serverv1", "ignored-field");
        assertEquals(1, ignored.size());
        assertEquals(Severity.WARNING, ignored.get(0).severity());
        assertTrue(ignored.get(0).message().contains("zone") && ignored.get(0).message().contains("test reason"));
        assertEquals(Severity.INFO, r.findings("rg", "ignored-field").get(0).severity());
    }

    @Test
    void secretReferencesNameTheSecretToCopy() {
        JsonNode pw = r.spec("FlexibleServer", "db-serverv1").path("administratorLoginPassword");
        assertEquals("db-admin", pw.path("name").asText());
        assertEquals("password", pw.path("key").asText());
        assertEquals(2, pw.size());
        Finding f = r.findings("serverv1", "secret-copy").get(0);
        assertTrue(f.message().contains("crossplane-system/db-admin") && f.message().contains("team-a"), f.message());
    }

    @Test
    void everyObjectStartsInSkipModeAndTracesItsSource() {
        for (JsonNode t : r.targets()) {
            JsonNode ann = t.path("metadata").path("annotations");
            assertEquals("skip", ann.path(Mapper.RECONCILE_POLICY).asText(), t.toString());
            assertFalse(ann.path(Mapper.SOURCE).asText().isEmpty());
            assertEquals("team-a/db", ann.path(Mapper.UNIT).asText());
            assertEquals("team-a", t.path("metadata").path("namespace").asText());
            assertEquals("db", t.path("metadata").path("labels").path(Mapper.UNIT).asText());
        }
        assertEquals("dbforpostgresql.azure.upbound.io/FlexibleServer",
                r.target("FlexibleServer", "db-serverv1").path("metadata").path("annotations").path(Mapper.SOURCE).asText());
    }

    @Test
    void valuesThatCannotBeMappedAreFindingsNotGuesses() {
        MappingCatalog c = MappingCatalog.load(Fixtures.resource("catalog"));
        Results odd = new Results(Mapper.map(Fixtures.compose("crossed.yaml", ObservedIndex.EMPTY), c, ObservedIndex.EMPTY,
                MapOptions.defaults()));
        JsonNode s = odd.spec("FlexibleServer", "pg-odd");
        assertTrue(s.path("sku").isMissingNode(), s.toString());
        assertTrue(s.path("storage").path("autoGrow").isMissingNode());
        assertTrue(s.path("highAvailability").isMissingNode());
        List<Finding> f = odd.findings("pg-odd", "value-not-mapped");
        assertEquals(5, f.size(), f.toString()); // sku.name, sku.tier, autoGrow, HA mode, HA zone
        assertTrue(f.stream().anyMatch(x -> x.message().contains("2 items")));
        assertTrue(odd.source("pg-odd").unmapped().containsAll(List.of("skuName", "autoGrowEnabled", "highAvailability.mode")));
        // no subscription known: the resource group outside the migration cannot be addressed
        assertEquals(1, odd.findings("pg-odd", "owner-unresolved").size());
        assertEquals(Severity.ERROR, odd.findings("pg-odd", "owner-unresolved").get(0).severity());
        assertTrue(s.path("owner").isMissingNode());
    }
}
