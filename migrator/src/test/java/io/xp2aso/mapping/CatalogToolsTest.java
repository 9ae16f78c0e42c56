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
        CatalogCheck.Result builtIn = CatalogCheck.run(Fixtures.builtIn(), crds, legacyCrds());
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

    private static CrdStore legacyCrds() {
        return new CrdStore(Shared.reference().resolve("upjet-azure-legacy/crds"));
    }

    /** Every older name of the built-in catalog is a field of the original provider, and its current name is mapped. */
    @Test
    void olderNamesAreCheckedAgainstTheOriginalProvider() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-older-check");
        Files.writeString(dir.resolve("sa.yaml"), """
                source: {group: storage.azure.upbound.io, kind: Account, versions: [v1beta1]}
                targets:
                  - id: sa
                    apiVersion: storage.azure.com/v20250601
                    kind: StorageAccount
                    rules:
                      - {from: httpsTrafficOnlyEnabled, to: supportsHttpsTrafficOnly}
                      - {from: enableNope, to: isHnsEnabled}
                olderNames:
                  - {from: enableHttpsTrafficOnly, to: httpsTrafficOnlyEnabled}
                  - {from: enableTypo, to: httpsTrafficOnlyEnabled}
                  - {from: enableHttpsTrafficOnly2, to: minTlsVersion}
                """);
        List<String> p = CatalogCheck.run(MappingCatalog.load(dir), allCrds(), legacyCrds()).problems();
        assertTrue(p.stream().anyMatch(x -> x.contains("sa.yaml:11: older name forProvider.enableTypo does not exist")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("sa.yaml:12: forProvider.minTlsVersion (current name of enableHttpsTrafficOnly2) is neither mapped")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("sa.yaml:8: forProvider.enableNope does not exist")), p.toString());
        assertTrue(p.stream().noneMatch(x -> x.contains("sa.yaml:10")), p.toString());
        // Without the older CRDs, a rule reading a field only the older provider has is a problem that says what to give.
        List<String> without = CatalogCheck.run(Fixtures.builtIn(), allCrds()).problems();
        assertTrue(without.stream().anyMatch(x -> x.contains("forProvider.zoneRedundant does not exist")
                && x.contains("give the older provider's CRDs")), without.toString());
    }

    @Test
    void coverageCountsTheOlderProvidersFieldsThroughTheirCurrentNames() {
        List<Coverage.Row> rows = Coverage.run(Fixtures.builtIn(), new CrdStore(Shared.reference().resolve("upjet-azure/crds")),
                legacyCrds());
        Coverage.Row aks = rows.stream().filter(r -> r.kind().equals("containerservice.azure.upbound.io/KubernetesCluster")
                && r.version().equals("legacy:v1beta1")).findFirst().orElseThrow();
        assertEquals(List.of(), aks.unmapped());
        for (Coverage.Row r : rows) {
            assertTrue(r.share() >= 0.9, r.kind() + " " + r.version() + " covers " + r.share() + "; unmapped " + r.unmapped());
        }
    }
}
