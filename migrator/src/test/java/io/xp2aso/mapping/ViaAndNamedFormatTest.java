package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.InputException;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule constructs added for the database kinds: `via` (read a field of the MR another field names, e.g. a SQL
 * database's location from its server), `format` with {azureName} and {subscription}, and empty blocks.
 */
class ViaAndNamedFormatTest {
    private static final String HEAD = """
            source: {group: sql.azure.upbound.io, kind: MSSQLDatabase}
            targets:
              - id: db
                apiVersion: sql.azure.com/v20250101
                kind: ServersDatabase
                rules:
            """;

    private static String error(String yaml) {
        return assertThrows(InputException.class, () -> CatalogParser.parse("m.yaml", yaml)).render();
    }

    @Test
    void viaAndComputedFormatsParseAndMistakesNameTheLine() {
        KindMapping m = CatalogParser.parse("m.yaml", HEAD + """
                      - {from: location, to: location, via: {from: serverId, kind: sql.azure.upbound.io/MSSQLServer}}
                      - {to: azureNameCopy, format: '{azureName}'}
                      - {from: x, to: y, format: '/subscriptions/{subscription}/x/{0}'}
                """);
        RuleSpec via = m.targets().get(0).rules().get(0);
        assertEquals(List.of("serverId"), via.via().from());
        assertEquals("sql.azure.upbound.io/MSSQLServer", via.via().kind());
        assertTrue(m.targets().get(0).rules().get(1).isConstant());
        assertTrue(error(HEAD + "      - {from: location, to: location, via: {from: serverId, kind: '*'}}\n")
                .contains("m.yaml:7: `via` names one upjet kind"));
        assertTrue(error(HEAD + "      - {from: location, to: location, via: serverId}\n").contains("`via` is {from: FIELD, kind: GROUP/KIND}"));
        assertTrue(error(HEAD + "      - {to: location, via: {from: serverId, kind: sql.azure.upbound.io/MSSQLServer}}\n")
                .contains("needs `from`"));
        assertTrue(error(HEAD + "      - {from: a, to: b, via: {from: serverId, kind: sql.azure.upbound.io/MSSQLServer}, secretRef: true}\n")
                .contains("does not combine"));
        assertTrue(error(HEAD + "      - {to: b}\n").contains("a rule needs `from` (source field path), `const` or a `format`"));
    }

    @Test
    void viaReadsTheReferencedMrAndCountsOnlyItsOwnField() {
        KindMapping m = Fixtures.builtIn().find("sql.azure.upbound.io/v1beta1", "MSSQLDatabase").orElseThrow();
        java.util.Set<String> consumed = ConsumedPaths.of(m);
        assertTrue(consumed.contains("serverId") && consumed.contains("serverIdSelector"), consumed.toString());
        assertFalse(consumed.contains("location"), "location is the server's field, not the database's");
        Results r = new Results(Mapper.map(Fixtures.compose("mssql/claim.yaml", ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, "00000000-0000-0000-0000-000000000000", Map.of())));
        assertEquals("West Europe", r.spec("ServersDatabase", "billing-database").path("location").asText());
    }

    @Test
    void checkLooksForViaFieldsInTheReferencedKind() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-via-catalog");
        Files.writeString(dir.resolve("db.yaml"), HEAD + """
                      - {from: location, to: location, via: {from: serverId, kind: sql.azure.upbound.io/MSSQLServer}}
                      - {from: locaton, to: location, via: {from: serverId, kind: sql.azure.upbound.io/MSSQLServer}}
                      - {from: location, to: location, via: {from: serverIdd, kind: sql.azure.upbound.io/MSSQLServer}}
                """);
        Path ref = Shared.reference();
        List<String> p = CatalogCheck.run(MappingCatalog.load(dir),
                new CrdStore(List.of(ref.resolve("aso/crds"), ref.resolve("upjet-azure/crds")))).problems();
        assertTrue(p.stream().anyMatch(x -> x.contains("db.yaml:8: forProvider.locaton does not exist in sql.azure.upbound.io/MSSQLServer")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("reference field forProvider.serverIdd does not exist")), p.toString());
        assertEquals(4, p.size(), p.toString()); // locaton in each server version, serverIdd in each database version
    }

    @Test
    void namedFormatValuesAndEmptyBlocks() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-named-catalog");
        Files.writeString(dir.resolve("redis.yaml"), """
                source: {group: cache.azure.upbound.io, kind: RedisCache}
                targets:
                  - id: redis
                    apiVersion: cache.azure.com/v20241101
                    kind: Redis
                    rules:
                      - {to: staticIP, format: '{azureName}'}
                      - {from: location, to: location, format: '{subscription}/{0}'}
                      - {from: redisConfiguration.maxmemoryPolicy, to: redisConfiguration.maxmemory-policy}
                """);
        Path fixture = Files.createTempFile("xp2aso-redis", ".yaml");
        Files.writeString(fixture, """
                apiVersion: cache.azure.upbound.io/v1beta2
                kind: RedisCache
                metadata:
                  name: c
                  annotations: {crossplane.io/external-name: cache-1}
                spec:
                  forProvider:
                    location: westeurope
                    redisConfiguration: {}
                    patchSchedule: []
                """);
        MappingCatalog catalog = MappingCatalog.load(dir);
        io.xp2aso.model.ComposeResult composed = new io.xp2aso.model.ComposeResult(List.of(new io.xp2aso.model.Unit(
                "_cluster/c", "", "c", null, null, null, "", List.of(new io.xp2aso.model.ComposedResource("",
                (com.fasterxml.jackson.databind.node.ObjectNode) io.xp2aso.source.Yaml.YAML.readTree(Files.readString(fixture)),
                new io.xp2aso.source.Origin(fixture.toString(), 1), null)), List.of())), List.of());
        Results with = new Results(Mapper.map(composed, catalog, ObservedIndex.EMPTY, new MapOptions(null, "sub-1", Map.of())));
        JsonNode spec = with.spec("Redis", "c");
        assertEquals("cache-1", spec.path("staticIP").asText());
        assertEquals("sub-1/westeurope", spec.path("location").asText());
        // `redisConfiguration: {}` sets nothing and the file reads inside it; `patchSchedule: []` nobody reads.
        assertEquals(List.of("patchSchedule"), with.resources().get(0).unmapped());
        Results without = new Results(Mapper.map(composed, catalog, ObservedIndex.EMPTY, MapOptions.defaults()));
        assertFalse(without.spec("Redis", "c").has("location"));
        assertTrue(without.findings("value-not-mapped").get(0).message().contains("{subscription}"));
    }
}
