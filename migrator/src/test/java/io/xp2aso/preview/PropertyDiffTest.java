package io.xp2aso.preview;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison behind both takeover previews (#13.6): every change ASO's first PUT makes is listed. */
class PropertyDiffTest {
    static JsonNode json(String s) throws Exception {
        return Yaml.JSON.readTree(s.replace('\'', '"'));
    }

    static List<String> status(String spec, String status) throws Exception {
        return PropertyDiff.lines(PropertyDiff.compare(json(spec), json(status), null, null, PropertyDiff.Shape.STATUS,
                PropertyDiff::directArmId));
    }

    @Test
    void tagsAreComparedAsAWholeMap() throws Exception {
        assertEquals(List.of("add tags[\"owner\"] = \"team-a\"",
                        "change tags[\"env\"]: live \"prod\", the PUT sends \"PROD\"",
                        "remove tags[\"cost-center\"] (live \"42\"): the PUT replaces the whole map"),
                status("{'tags':{'env':'PROD','owner':'team-a'}}", "{'tags':{'env':'prod','cost-center':'42'}}")
                        .stream().sorted().toList());
    }

    @Test
    void caseMattersExceptForLocationAndArmIds() throws Exception {
        assertEquals(List.of("change kind: live \"storagev2\", the PUT sends \"StorageV2\""),
                status("{'location':'westeurope','kind':'StorageV2','other':'/subscriptions/S/resourceGroups/RG'}",
                        "{'location':'West Europe','kind':'storagev2','other':'/SUBSCRIPTIONS/s/resourcegroups/rg'}"));
    }

    @Test
    void listsAreComparedItemByItem() throws Exception {
        assertEquals(List.of("change rules[0].priority: live 100, the PUT sends 110", "add rules[2] = {\"name\":\"c\"}",
                        "change prefixes[1]: live \"10.0.1.0/24\", the PUT sends \"10.0.2.0/24\""),
                status("{'rules':[{'name':'a','priority':110},{'name':'b'},{'name':'c'}],'prefixes':['10.0.0.0/24','10.0.2.0/24']}",
                        "{'rules':[{'name':'a','priority':100},{'name':'b'}],'prefixes':['10.0.0.0/24','10.0.1.0/24']}"));
        assertEquals(List.of("remove prefixes[1] (live \"10.0.1.0/24\"): the PUT drops it"),
                status("{'prefixes':['10.0.0.0/24']}", "{'prefixes':['10.0.0.0/24','10.0.1.0/24']}"));
    }

    @Test
    void referencesAreResolvedToArmIds() throws Exception {
        Map<String, String> ids = Map.of("nsg-a", "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/a");
        List<String> lines = PropertyDiff.lines(PropertyDiff.compare(
                json("{'networkSecurityGroup':{'reference':{'group':'network.azure.com','kind':'NetworkSecurityGroup','name':'nsg-a'}},"
                        + "'routeTable':{'reference':{'armId':'/subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/routeTables/new'}},"
                        + "'natGateway':{'reference':{'kind':'NatGateway','name':'unknown'}}}"),
                json("{'networkSecurityGroup':{'id':'/subscriptions/s/resourceGroups/RG/providers/Microsoft.Network/networkSecurityGroups/A'},"
                        + "'routeTable':{'id':'/subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/routeTables/old'}}"),
                null, null, PropertyDiff.Shape.STATUS,
                r -> PropertyDiff.directArmId(r).or(() -> Optional.ofNullable(ids.get(r.path("name").asText())))));
        assertEquals(List.of(
                "change routeTable.reference: live /subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/routeTables/old, the PUT sends "
                        + "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/routeTables/new",
                "set natGateway.reference = the NatGateway unknown (its ARM ID is not known yet) (Azure does not report it now)"),
                lines);
    }

    /** ARM spells some IDs "ID" (an AKS agent pool's vnetSubnetID): the status reads back under that name. */
    @Test
    void aReferenceReadsBackUnderAnIdSpelledInCapitals() throws Exception {
        String subnet = "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s";
        String other = "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/t";
        assertEquals(List.of(), status("{'vnetSubnetReference':{'armId':'" + subnet + "'}}",
                "{'vnetSubnetID':'" + subnet.toUpperCase() + "'}"));
        assertEquals(List.of("change vnetSubnetReference: live " + other + ", the PUT sends " + subnet),
                status("{'vnetSubnetReference':{'armId':'" + subnet + "'}}", "{'vnetSubnetID':'" + other + "'}"));
        JsonNode specSchema = json("{'properties':{'vnetSubnetReference':{'type':'object'},'count':{'type':'integer'}}}");
        assertEquals(List.of(), PropertyDiff.lines(PropertyDiff.compare(json("{'vnetSubnetReference':{'armId':'" + subnet + "'}}"),
                json("{'vnetSubnetID':'" + subnet + "'}"), specSchema, null, PropertyDiff.Shape.STATUS, PropertyDiff::directArmId)));
    }

    @Test
    void secretBackedAndWriteOnlyFieldsAreListedAsWritten() throws Exception {
        JsonNode statusSchema = json("{'properties':{'administratorLogin':{},'version':{}}}");
        List<String> lines = PropertyDiff.lines(PropertyDiff.compare(
                json("{'administratorLogin':'admin','administratorLoginPassword':{'name':'pg-admin','key':'password'},"
                        + "'createMode':'Default','version':'16','principalIdFromConfig':{'name':'cm','key':'id'}}"),
                json("{'administratorLogin':'admin','version':'16'}"), null, statusSchema, PropertyDiff.Shape.STATUS,
                PropertyDiff::directArmId));
        assertEquals(List.of(
                "will be written: administratorLoginPassword from Secret pg-admin key password (Azure never returns it, so its current value cannot be compared)",
                "will be written: createMode = \"Default\" (write-only: Azure never returns it, so its current value cannot be compared)",
                "will be written: principalIdFromConfig from ConfigMap cm key id (Azure never returns it, so its current value cannot be compared)"),
                lines);
    }

    @Test
    void omittedSettableFieldsNeedASchemaOnAStatusButNotOnAnObservedSpec() throws Exception {
        JsonNode specSchema = json("{'properties':{'location':{},'minimumTlsVersion':{},'tags':{'type':'object','additionalProperties':{}}}}");
        assertEquals(List.of("omit minimumTlsVersion (live \"TLS1_2\"): the PUT sends it absent; Azure may reset it"),
                PropertyDiff.lines(PropertyDiff.compare(json("{'location':'westeurope'}"),
                        json("{'location':'westeurope','minimumTlsVersion':'TLS1_2','provisioningState':'Succeeded'}"),
                        specSchema, null, PropertyDiff.Shape.STATUS, PropertyDiff::directArmId)));
        assertEquals(List.of(), status("{'location':'westeurope'}", "{'location':'westeurope','minimumTlsVersion':'TLS1_2'}"));
        assertEquals(List.of("omit minimumTlsVersion (live \"TLS1_2\"): the PUT sends it absent; Azure may reset it"),
                PropertyDiff.lines(PropertyDiff.compare(json("{'owner':{'name':'rg'},'location':'westeurope'}"),
                        json("{'owner':{'name':'rg'},'location':'westeurope','minimumTlsVersion':'TLS1_2'}"),
                        null, null, PropertyDiff.Shape.SPEC, PropertyDiff::directArmId)));
    }

    @Test
    void everyChangeCoversItsOwnPathAndWhatLiesBelow() {
        PropertyChange c = new PropertyChange("tags", PropertyChange.Kind.CHANGE, "x");
        assertTrue(c.covers("tags[\"a\"]") && c.covers("tags") && !c.covers("tagsX"));
        assertEquals("tags[\"a.b\"]", PropertyChange.child("tags", "a.b", true));
        assertEquals("sku.name", PropertyChange.child("sku", "name", false));
    }
}
