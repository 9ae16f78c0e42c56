package io.xp2aso.mapping;

import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mappings check` and `coverage` against the real CRDs. */
class CatalogToolsTest {
    private static final Set<String> MINE = Set.of("azure.upbound.io/ResourceGroup", "storage.azure.upbound.io/Account",
            "storage.azure.upbound.io/Container", "keyvault.azure.upbound.io/Vault", "keyvault.azure.upbound.io/AccessPolicy");

    private static CrdStore allCrds() {
        Path ref = Shared.reference();
        return new CrdStore(List.of(ref.resolve("aso/crds"), ref.resolve("upjet-azure/crds")));
    }

    @Test
    void builtInAndTestCatalogsAreConsistentWithTheCrds() {
        CrdStore crds = allCrds();
        CatalogCheck.Result builtIn = CatalogCheck.run(Fixtures.builtIn(), crds);
        assertEquals(List.of(), builtIn.problems());
        CatalogCheck.Result test = CatalogCheck.run(MappingCatalog.load(Fixtures.resource("catalog")), crds);
        assertEquals(List.of(), test.problems());
    }

    @Test
    void checkFindsWrongPathsAndVersions() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-bad-catalog");
        Files.writeString(dir.resolve("rg.yaml"), """
                source: {group: azure.upbound.io, kind: ResourceGroup}
                targets:
                  - id: rg
                    apiVersion: resources.azure.com/v1api20200601
                    versions: [v1api20990101]
                    kind: ResourceGroup
                    rules:
                      - {from: locaton, to: location}
                      - {from: tags, to: tag}
                ignore:
                  - {path: nope, reason: x}
                """);
        List<String> p = CatalogCheck.run(MappingCatalog.load(dir), allCrds()).problems();
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("rg.yaml:9: spec.tag does not exist")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("rg.yaml:8: forProvider.locaton does not exist")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("v1api20990101 is not a version")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("ignored forProvider.nope")), p.toString());
    }

    @Test
    void myKindsAreCoveredAtLeastNinetyPercent() {
        List<Coverage.Row> rows = Coverage.run(Fixtures.builtIn(), new CrdStore(Shared.reference().resolve("upjet-azure/crds")));
        int seen = 0;
        for (Coverage.Row r : rows) {
            if (MINE.contains(r.kind())) {
                seen++;
                assertTrue(r.share() >= 0.9, r.kind() + " " + r.version() + " covers " + r.share() + "; unmapped " + r.unmapped());
                assertTrue(r.total() > 0);
            }
        }
        assertEquals(7, seen, "every version of each of the five kinds: " + rows);
    }

    @Test
    void coverageCountsUnmappedLeaves() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-partial-catalog");
        Files.writeString(dir.resolve("rg.yaml"), """
                source: {group: azure.upbound.io, kind: ResourceGroup}
                targets:
                  - id: rg
                    apiVersion: resources.azure.com/v1api20200601
                    kind: ResourceGroup
                    rules:
                      - {from: location, to: location}
                ignore:
                  - {path: tags, reason: test}
                """);
        Coverage.Row row = Coverage.run(MappingCatalog.load(dir), new CrdStore(Shared.reference().resolve("upjet-azure/crds"))).get(0);
        assertEquals(3, row.total());
        assertEquals(1, row.mapped());
        assertEquals(1, row.ignored());
        assertEquals(List.of("managedBy"), row.unmapped());
    }
}
