package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity, Log Analytics, Service Bus and Event Hubs kinds of the built-in catalog (fixture mapping/misc/). */
class MiscMappingTest {
    static final Set<String> KINDS = Set.of("managedidentity.azure.upbound.io/UserAssignedIdentity",
            "operationalinsights.azure.upbound.io/Workspace", "servicebus.azure.upbound.io/ServiceBusNamespace",
            "servicebus.azure.upbound.io/Queue", "servicebus.azure.upbound.io/Topic",
            "eventhub.azure.upbound.io/EventHubNamespace", "eventhub.azure.upbound.io/EventHub",
            "containerregistry.azure.upbound.io/Registry", "insights.azure.upbound.io/ApplicationInsights");

    private static List<MappedResource> mapFixture() {
        MappingResult r = Mapper.map(Fixtures.compose("misc/input.yaml", ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, NetworkMappingTest.SUBSCRIPTION, Map.of()));
        List<MappedResource> out = new ArrayList<>();
        r.units().forEach(u -> out.addAll(u.resources()));
        return out;
    }

    private static Map<String, ObjectNode> byName(List<MappedResource> resources) {
        Map<String, ObjectNode> out = new HashMap<>();
        for (MappedResource m : resources) {
            for (ObjectNode t : m.targets()) {
                out.put(t.path("kind").asText() + "/" + t.path("metadata").path("name").asText(), t);
            }
        }
        return out;
    }

    @Test
    void everyTargetValidatesAgainstTheAsoCrdAndNothingIsUnmapped() {
        List<MappedResource> resources = mapFixture();
        for (MappedResource m : resources) {
            assertTrue(m.unmapped().isEmpty(), m.source().object().path("metadata").path("name") + ": " + m.unmapped());
            assertTrue(m.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), m.findings().toString());
            for (ObjectNode t : m.targets()) {
                List<SchemaValidator.Problem> problems = NetworkMappingTest.validator().validate(t);
                assertTrue(problems.isEmpty(), t.path("kind").asText() + " does not validate: " + problems);
            }
        }
        assertEquals(11, resources.size());
    }

    @Test
    void fieldsAreConvertedAsTheCrdsSay() {
        Map<String, ObjectNode> t = byName(mapFixture());
        JsonNode id = t.get("UserAssignedIdentity/apps-identity").path("spec");
        assertEquals("apps-id", id.path("azureName").asText(), "the Azure name is forProvider.name, not the ARM ID");
        assertEquals("apps-rg", id.path("owner").path("name").asText());

        JsonNode ws = t.get("Workspace/apps-logs").path("spec");
        assertEquals("PerGB2018", ws.path("sku").path("name").asText());
        assertEquals(30, ws.path("retentionInDays").asInt());
        assertTrue(ws.path("retentionInDays").isIntegralNumber());
        assertEquals("Disabled", ws.path("publicNetworkAccessForQuery").asText());
        assertTrue(ws.path("features").path("disableLocalAuth").asBoolean(), "localAuthenticationEnabled: false is negated");
        assertEquals("apps-identity", ws.path("identity").path("userAssignedIdentities").get(0).path("reference").path("name").asText());

        JsonNode sb = t.get("Namespace/apps-bus").path("spec");
        assertEquals("Premium", sb.path("sku").path("name").asText());
        assertEquals("Premium", sb.path("sku").path("tier").asText());
        assertEquals("Disabled", sb.path("publicNetworkAccess").asText());
        assertEquals(false, sb.path("disableLocalAuth").asBoolean(true));
        assertEquals("apps-bus", t.get("NamespacesQueue/apps-orders").path("spec").path("owner").path("name").asText());
        assertEquals("PT1M", t.get("NamespacesQueue/apps-orders").path("spec").path("lockDuration").asText());
        assertEquals(true, t.get("NamespacesTopic/apps-events").path("spec").path("supportOrdering").asBoolean());

        JsonNode hub = t.get("NamespacesEventhub/apps-clicks").path("spec");
        assertEquals("apps-hubs", hub.path("owner").path("name").asText(), "the namespace is found by its Azure name");
        assertEquals(1, hub.path("messageRetentionInDays").asInt());
        JsonNode legacy = t.get("NamespacesEventhub/legacy-clicks").path("spec");
        assertEquals("/subscriptions/" + NetworkMappingTest.SUBSCRIPTION
                        + "/resourceGroups/legacy-rg/providers/Microsoft.EventHub/namespaces/legacy-hubs",
                legacy.path("owner").path("armId").asText());
        JsonNode acr = t.get("Registry/apps-acr").path("spec");
        assertEquals("appsacr01", acr.path("azureName").asText());
        assertEquals("Enabled", acr.path("zoneRedundancy").asText());
        assertEquals("enabled", acr.path("policies").path("retentionPolicy").path("status").asText());
        assertEquals(7, acr.path("policies").path("retentionPolicy").path("days").asInt());
        assertEquals("203.0.113.0/24", acr.path("networkRuleSet").path("ipRules").get(0).path("value").asText());

        JsonNode ai = t.get("Component/apps-insights").path("spec");
        assertEquals("web", ai.path("Application_Type").asText());
        assertEquals("web", ai.path("kind").asText());
        assertEquals(90, ai.path("RetentionInDays").asInt());
        assertTrue(ai.path("DisableLocalAuth").asBoolean());
        assertEquals("apps-logs", ai.path("workspaceResourceReference").path("name").asText());

        assertEquals(true, t.get("Namespace/apps-hubs").path("spec").path("isAutoInflateEnabled").asBoolean());
    }

    @Test
    void everyKindCoversAtLeastNinetyPercentOfForProvider() {
        CrdStore upjet = new CrdStore(Shared.reference().resolve("upjet-azure/crds"));
        List<Coverage.Row> rows = Coverage.run(Fixtures.builtIn(), upjet).stream()
                .filter(r -> KINDS.contains(r.kind())).toList();
        assertEquals(KINDS, rows.stream().map(Coverage.Row::kind).collect(Collectors.toSet()));
        for (Coverage.Row r : rows) {
            assertTrue(r.share() >= 0.9, r.kind() + " " + r.version() + ": " + r.unmapped());
        }
    }
}
