package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.source.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule keys onlyIf (conditional rule) and entries (map -> list of objects), on a test catalog. */
class RuleConditionAndEntriesTest {
    private static Map<String, MappedResource> run() {
        MappingCatalog catalog = MappingCatalog.load(Fixtures.resource("network-engine/catalog"));
        MappingResult r = Mapper.map(Fixtures.compose("network-engine/input.yaml", ObservedIndex.EMPTY), catalog,
                ObservedIndex.EMPTY, new MapOptions(null, "0b1f6471-1bf0-4dda-aec3-111122223333", Map.of()));
        Map<String, MappedResource> byName = new LinkedHashMap<>();
        r.units().forEach(u -> u.resources().forEach(m ->
                byName.put(m.source().object().path("metadata").path("name").asText(), m)));
        return byName;
    }

    private static JsonNode spec(MappedResource m) {
        assertEquals(1, m.targets().size());
        return m.targets().get(0).path("spec");
    }

    private static List<Finding> warnings(MappedResource m) {
        return m.findings().stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    @Test
    void onlyIfRunsTheRuleOnlyWhenTheConditionHolds() {
        Map<String, MappedResource> r = run();
        JsonNode global = spec(r.get("global-ip"));
        assertFalse(global.has("sku"), "skuTier Global: the Regional-only rule is skipped");
        assertEquals("Static", global.path("publicIPAllocationMethod").asText(), "absent ipVersion counts as the default IPv4");
        assertEquals(4, global.path("idleTimeoutInMinutes").asInt(), "\"false\" equals false: compared as text");
        JsonNode regional = spec(r.get("regional-ip"));
        assertEquals("Basic", regional.path("sku").path("name").asText());
        assertFalse(regional.has("publicIPAllocationMethod"), "ipVersion IPv6: the IPv4-only rule is skipped");
        assertEquals(List.of(), warnings(r.get("global-ip")));
        assertEquals(List.of(), r.get("global-ip").unmapped(), "condition fields count as read");
    }

    @Test
    void anAbsentConditionWithoutDefaultIsReportedNotGuessed() {
        MappedResource m = run().get("no-tier-ip");
        assertFalse(spec(m).has("sku"));
        List<Finding> w = warnings(m);
        assertEquals(1, w.size(), w.toString());
        assertEquals("value-not-mapped", w.get(0).code());
        assertTrue(w.get(0).message().contains("`skuTier` (onlyIf) is not set"), w.get(0).message());
        assertEquals(List.of("sku"), m.unmapped());
    }

    @Test
    void entriesTurnAMapIntoAListOfObjectsInMapOrder() {
        JsonNode tags = spec(run().get("global-ip")).path("ipTags");
        assertEquals(2, tags.size());
        assertEquals("RoutingPreference", tags.get(0).path("ipTagType").asText());
        assertEquals("Internet", tags.get(0).path("tag").asText());
        assertEquals("FirstPartyUsage", tags.get(1).path("ipTagType").asText());
        assertEquals("/NonProd", tags.get(1).path("tag").asText());
    }

    @Test
    void entriesOfAScalarIsReported() {
        MappedResource m = run().get("regional-ip");
        assertFalse(spec(m).path("dnsSettings").has("domainNameLabel"));
        List<Finding> w = warnings(m);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("entries needs a map"), w.get(0).message());
        assertEquals(List.of("domainNameLabel"), m.unmapped());
    }

    private static InputException badCatalog(Path dir, String rule) throws Exception {
        Path file = dir.resolve("PublicIP.yaml");
        Files.writeString(file, """
                source: {group: network.azure.upbound.io, kind: PublicIP}
                targets:
                  - id: ip
                    apiVersion: network.azure.com/v20250301
                    kind: PublicIPAddress
                    rules:
                """ + "      - " + rule + "\n");
        return assertThrows(InputException.class, () -> MappingCatalog.load(dir));
    }

    @Test
    void badOnlyIfAndEntriesStopTheRunWithFileAndLine(@TempDir Path dir) throws Exception {
        InputException e = badCatalog(dir, "{from: sku, to: sku.name, onlyIf: {from: skuTier}}");
        assertTrue(e.getMessage().contains("missing `equals`"), e.getMessage());
        assertEquals(7, e.origin().line());
        e = badCatalog(dir, "{from: sku, to: sku.name, onlyIf: {from: skuTier, equals: [a]}}");
        assertTrue(e.getMessage().contains("onlyIf compares one value"), e.getMessage());
        e = badCatalog(dir, "{from: sku, to: sku.name, onlyIf: {from: skuTier, equals: a, when: b}}");
        assertTrue(e.getMessage().contains("unknown key `when` in onlyIf"), e.getMessage());
        e = badCatalog(dir, "{from: ipTags, to: ipTags, entries: {key: tag, value: tag}}");
        assertTrue(e.getMessage().contains("entries names two different fields"), e.getMessage());
        e = badCatalog(dir, "{from: ipTags, to: ipTags, entries: {key: ipTagType}}");
        assertTrue(e.getMessage().contains("missing `value`"), e.getMessage());
    }
}
