package io.xp2aso.inventory;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's seeding, straight into the mock's store, serves the same estate as seeding through the API:
 * a scan of either finds the same objects, health, drift, links and pages.
 */
class DirectSeedingTest {
    static final long PAGE = 25;

    record Scan(EstateSeeder seeded, Inventory inv, Analysis analysis, long rgContinuations) {
    }

    static Scan scan(boolean direct) {
        try (MockCluster cluster = new MockCluster()) {
            EstateSeeder seeder = new EstateSeeder(cluster);
            EstateSeeder seeded = (direct ? seeder.direct() : seeder).seed(60, 60, 8);
            Inventory inv = new Scanner(cluster.client, "mock", null, PAGE, new PrintWriter(new StringWriter())).scan();
            return new Scan(seeded, inv, InventoryAnalysis.analyze(inv, TestCatalog.SUPPORT),
                    cluster.dispatcher.continuations("/apis/azure.upbound.io/v1beta1/resourcegroups"));
        }
    }

    @Test
    void servesTheSameEstateAsSeedingThroughTheApi() {
        Scan api = scan(false);
        Scan direct = scan(true);
        assertEquals(api.seeded().mrKeys, direct.seeded().mrKeys);
        assertEquals(api.inv().kinds(), direct.inv().kinds());
        assertEquals(api.rgContinuations(), direct.rgContinuations());
        assertTrue(direct.rgContinuations() >= 5, "resource groups are listed in several pages");
        assertEquals(api.analysis().blockers(), direct.analysis().blockers());
        assertEquals(api.analysis().kinds(), direct.analysis().kinds());
        assertEquals(api.analysis().movable(), direct.analysis().movable());
        assertEquals(withoutUids(api.inv().managed()), withoutUids(direct.inv().managed()));
        assertEquals(withoutUids(api.inv().composites()), withoutUids(direct.inv().composites()));
        assertEquals(withoutUids(api.inv().claims()), withoutUids(direct.inv().claims()));
    }

    @Test
    void mrsPointAtTheUidOfTheirStoredXr() {
        Scan scan = scan(true);
        Inventory inv = scan.inv();
        Map<String, String> xrUids = new HashMap<>();
        inv.composites().forEach(xr -> xrUids.put(xr.ref().name(), xr.uid()));
        long owned = inv.managed().stream().filter(mr -> !mr.compositeLabel().isEmpty()).peek(mr -> {
            assertFalse(mr.uid().isEmpty());
            assertEquals(xrUids.get(mr.compositeLabel()), mr.controllerUid(), mr.ref().display());
        }).count();
        // Every MR but the five lone resource groups belongs to an XR.
        assertEquals(scan.seeded().mrKeys.size() + scan.seeded().vaults.size() - 5, owned);
    }

    @Test
    void refusesASecondObjectOfTheSameName() {
        try (MockCluster cluster = new MockCluster()) {
            new EstateSeeder(cluster).direct().seed(1, 0, 0);
            var rg = MockCluster.docs("""
                    apiVersion: azure.upbound.io/v1beta1
                    kind: ResourceGroup
                    metadata: {name: shared-rg-0}
                    """).get(0);
            assertThrows(IllegalArgumentException.class, () -> cluster.store(rg));
        }
    }

    /** Summaries with the server-assigned uids blanked, which differ between any two seedings. */
    static List<ResourceSummary> withoutUids(List<ResourceSummary> list) {
        return list.stream().map(s -> new ResourceSummary(s.ref(), s.role(), "", s.conditions(), s.paused(),
                s.deleting(), s.deletionPolicy(), s.managementPolicies(), s.drift(), s.resourceRef(), s.resourceRefs(),
                s.controllerUid().isEmpty() ? "" : "set", s.compositeLabel(), s.claimName(), s.claimNamespace(),
                s.composition(), s.compositionRevision(), s.externalName(), s.providerConfig())).toList();
    }
}
