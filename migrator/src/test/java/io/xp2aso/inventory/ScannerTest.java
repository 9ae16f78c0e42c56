package io.xp2aso.inventory;

import io.xp2aso.model.ObjectKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scan of a seeded estate of over 2,000 MRs on the mock API server, listed in pages of 100. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScannerTest {
    static final int NETWORKS = 300;
    static final int STORAGES = 250;
    static final int ANALYTICS = 40;
    static final long PAGE = 100;
    static final String VAULTS_PATH = "/apis/keyvault.azure.upbound.io/v1beta2/vaults";

    MockCluster cluster;
    EstateSeeder seeded;
    Inventory inv;
    Analysis analysis;
    String progress;

    @BeforeAll
    void scan() {
        cluster = new MockCluster();
        seeded = new EstateSeeder(cluster).seed(NETWORKS, STORAGES, ANALYTICS);
        // Key vaults are forbidden to the scanning identity.
        cluster.server.expect().get().withPath(VAULTS_PATH)
                .andReturn(403, """
                        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,
                         "message":"vaults.keyvault.azure.upbound.io is forbidden: User \\"scanner\\" cannot list resource \\"vaults\\""}
                        """).always();
        StringWriter err = new StringWriter();
        inv = new Scanner(cluster.client, "mock", null, PAGE, new PrintWriter(err, true)).scan();
        analysis = InventoryAnalysis.analyze(inv, TestCatalog.SUPPORT);
        progress = err.toString();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void listsEveryObjectOfTheEstate() {
        assertTrue(seeded.mrKeys.size() >= 2000, "estate has at least 2,000 MRs");
        assertEquals(new HashSet<>(seeded.mrKeys), keys(inv.managed()));
        assertEquals(seeded.claims, inv.claims().size());
        assertEquals(seeded.composites, inv.composites().size());
        assertEquals(3, inv.xrds().size());
        assertEquals(List.of("analytics", "network", "network-5f7c2a1", "network-9d0e4b3", "storage", "storage-1a2b3c4"),
                inv.compositions().stream().map(CompositionSummary::name).sorted().toList());
        assertEquals(1, inv.environmentConfigs().size());
        assertEquals(List.of("location", "tags"), inv.environmentConfigs().get(0).dataKeys());
        assertEquals(2, inv.providers().size());
        assertEquals(4, inv.functions().size());
        assertEquals(1, inv.providerConfigs().size());
        assertEquals("crossplane-system/azure-secret key creds", inv.providerConfigs().get(0).secretRef());
        assertFalse(inv.providers().stream().filter(p -> p.name().equals("provider-azure-storage")).findFirst()
                .orElseThrow().healthy());
    }

    @Test
    void listsInPagesWithContinueTokens() {
        KindCount rgs = count("ResourceGroup", "azure.upbound.io");
        long expectedRgs = seeded.mrKeys.stream().filter(k -> k.startsWith("ResourceGroup/")).count();
        assertEquals(expectedRgs, rgs.count());
        assertEquals((int) Math.ceil(expectedRgs / (double) PAGE), rgs.pages());
        assertTrue(rgs.pages() >= 5);
        assertEquals(rgs.pages() - 1, cluster.dispatcher.continuations("/apis/azure.upbound.io/v1beta1/resourcegroups"));
        // Claims are namespaced and listed across all namespaces, in pages too.
        KindCount networks = count("Network", "platform.example.org");
        assertEquals(NETWORKS, networks.count());
        assertEquals(3, networks.pages());
        // Every list request asked for a bounded page.
        assertFalse(cluster.dispatcher.lists.isEmpty());
        assertTrue(cluster.dispatcher.lists.stream().allMatch(l -> l.limit() == PAGE), cluster.dispatcher.lists.toString());
        // The Secret is never requested.
        assertTrue(cluster.dispatcher.lists.stream().noneMatch(l -> l.path().contains("secrets")));
        assertTrue(progress.contains("scan: resourcegroups.azure.upbound.io: " + expectedRgs), progress);
    }

    @Test
    void reportsTheForbiddenKindAndGoesOn() {
        assertEquals(1, inv.unlisted().size());
        UnlistedKind denied = inv.unlisted().get(0);
        assertEquals("vaults.keyvault.azure.upbound.io", denied.resource());
        assertEquals(403, denied.status());
        assertTrue(denied.message().contains("forbidden"), denied.message());
        assertTrue(analysis.blockers().stream().anyMatch(b -> b.code().equals("unlisted-kind")
                && b.subject().equals("vaults.keyvault.azure.upbound.io")));
        assertTrue(progress.contains("vaults.keyvault.azure.upbound.io: not listed (403 forbidden)"), progress);
        // The XRs still reference their vaults: the graph shows them as missing, saying why.
        GraphNode analytics = root("Analytics", "an-0000");
        GraphNode xr = analytics.children().get(0);
        GraphNode vault = xr.children().stream().filter(c -> c.ref().kind().equals("Vault")).findFirst().orElseThrow();
        assertEquals("missing", vault.state());
        assertEquals("its kind could not be listed", vault.detail());
        assertEquals(3, xr.children().size());
    }

    @Test
    void findsUnhealthyObjectsWithReasons() {
        Set<String> found = inv.composites().stream().filter(r -> !r.healthy()).map(r -> r.ref().display())
                .collect(Collectors.toSet());
        inv.managed().stream().filter(r -> !r.healthy()).forEach(r -> found.add(r.ref().display()));
        assertEquals(seeded.unhealthy, found);
        ResourceSummary subnet = byDisplay(inv.managed()).get("Subnet/net-0005-snet-a");
        assertEquals("Ready=False (ReconcileError): create failed: <script>alert(1)</script> | subnet \"snet-a\" overlaps & conflicts",
                subnet.problem());
        long blockers = analysis.blockers().stream().filter(b -> b.code().equals("unhealthy")).count();
        assertEquals(seeded.unhealthy.size(), blockers);
    }

    @Test
    void findsDriftOnlyWhereValuesReallyDiffer() {
        Set<String> drifting = inv.managed().stream().filter(ResourceSummary::drifting).map(r -> r.ref().display())
                .collect(Collectors.toSet());
        assertEquals(seeded.drifting, drifting);
        ResourceSummary account = byDisplay(inv.managed()).get("Account/st-0003-sa");
        assertEquals(List.of(new DriftField("spec.forProvider.accountTier", "Standard", "Premium")), account.drift());
    }

    @Test
    void findsPausedObjectsAndPolicies() {
        Set<String> paused = new HashSet<>();
        for (List<ResourceSummary> l : List.of(inv.claims(), inv.composites(), inv.managed())) {
            l.stream().filter(ResourceSummary::paused).forEach(r -> paused.add(r.ref().display()));
        }
        Set<String> expected = new HashSet<>(seeded.paused);
        inv.managed().stream().filter(r -> r.condition("Synced") != null
                && r.condition("Synced").reason().equals("ReconcilePaused")).forEach(r -> expected.add(r.ref().display()));
        assertEquals(expected, paused);
        assertFalse(paused.isEmpty());
        ResourceSummary account = byDisplay(inv.managed()).get("Account/st-0001-sa");
        assertEquals("Orphan", account.deletionPolicy());
        assertEquals(List.of("Observe", "Create", "Update", "LateInitialize"), account.managementPolicies());
        assertEquals("Delete", byDisplay(inv.managed()).get("ResourceGroup/net-0001-rg").deletionPolicy());
    }

    @Test
    void detectsAsoAndTheVersionsItServes() {
        assertTrue(inv.aso().installed());
        assertEquals("v2.20.0", inv.aso().version());
        assertEquals(List.of("v1api20200601", "v20200601"), inv.aso().servedVersions("resources.azure.com", "ResourceGroup"));
        assertEquals(List.of("v1api20230101", "v20230101"), inv.aso().servedVersions("storage.azure.com", "StorageAccount"));
        assertFalse(analysis.blockers().stream().anyMatch(b -> b.code().equals("aso-not-installed")));
    }

    @Test
    void buildsClaimToXrToMrGraph() {
        GraphNode net = root("Network", "net-0001");
        assertEquals("claim", net.role());
        assertEquals(1, net.children().size());
        GraphNode xr = net.children().get(0);
        assertEquals("XNetwork", xr.ref().kind());
        assertEquals(List.of("ResourceGroup", "Subnet", "Subnet", "VirtualNetwork"),
                xr.children().stream().map(c -> c.ref().kind()).toList());
        // Storage XRs carry no resourceRefs: their MRs are found by label and owner reference.
        GraphNode storage = root("Storage", "st-0002").children().get(0);
        assertEquals(List.of("Account", "Container", "ResourceGroup"),
                storage.children().stream().map(c -> c.ref().kind()).toList());
        // Lone MRs are roots of their own.
        assertEquals(5, analysis.graph().stream().filter(g -> g.role().equals("managed")).count());
        long nodes = analysis.graph().stream().mapToLong(GraphNode::size).sum();
        long missing = seeded.vaults.size();
        assertEquals(inv.claims().size() + inv.composites().size() + inv.managed().size() + missing, nodes);
        assertEquals("paused", root("Network", "net-0007").state());
    }

    @Test
    void computesMigratabilityAndBlockers() {
        long movable = seeded.mrKeys.stream()
                .filter(k -> !k.startsWith("Workspace/"))
                .filter(k -> !seeded.unhealthy.contains(k) && !seeded.drifting.contains(k)).count();
        assertEquals(movable, analysis.movable());
        assertEquals(seeded.mrKeys.size(), analysis.managed());
        Map<String, KindMigratability> kinds = analysis.kinds().stream()
                .collect(Collectors.toMap(KindMigratability::kind, Function.identity()));
        assertFalse(kinds.get("Workspace").mapped());
        assertEquals(0, kinds.get("Workspace").movable());
        assertEquals(ANALYTICS, kinds.get("Workspace").count());
        assertTrue(kinds.get("Account").mapped());
        assertEquals(seeded.drifting.size(), kinds.get("Account").drifting());
        assertTrue(analysis.blockers().stream().anyMatch(b -> b.code().equals("unmapped-kind")
                && b.subject().equals("Workspace.synapse.azure.upbound.io")));
        TargetReadiness sa = kinds.get("Account").targets().get(0);
        assertEquals("v1api20230101", sa.version());
        assertTrue(sa.served());
        TargetReadiness rg = kinds.get("ResourceGroup").targets().get(0);
        assertEquals(List.of(false, true), List.of(rg.served(), rg.installed()));
        assertEquals(List.of("v1api20200601", "v20200601"), rg.clusterVersions());
        TargetReadiness container = kinds.get("Container").targets().get(0);
        assertEquals(List.of(false, false), List.of(container.served(), container.installed()));
        assertTrue(kinds.get("Subnet").targets().isEmpty());
        assertEquals(List.of("ResourceGroup.resources.azure.com: needed for ResourceGroup (azure.upbound.io/v1beta1); "
                        + "the catalog writes v1api20240301, the cluster serves v1api20200601, v20200601"),
                analysis.blockers().stream().filter(b -> b.code().equals("aso-version-not-served"))
                        .map(b -> b.subject() + ": " + b.message()).toList());
        assertEquals(List.of("StorageAccountsBlobServicesContainer.storage.azure.com"),
                analysis.blockers().stream().filter(b -> b.code().equals("aso-crd-missing")).map(Blocker::subject).toList());
        List<Blocker> fn = analysis.blockers().stream().filter(b -> b.code().equals("unsupported-function")).toList();
        assertEquals(1, fn.size());
        assertEquals("Composition/analytics", fn.get(0).subject());
        assertTrue(fn.get(0).message().contains("crossplane-contrib/function-go-templating"), fn.get(0).message());
    }

    @Test
    void composedObjectsKnowTheirClaim() {
        ResourceSummary rg = byDisplay(inv.managed()).get("ResourceGroup/net-0003-rg");
        assertNotNull(rg);
        assertEquals("net-0003-x", rg.compositeLabel());
        assertEquals("net-0003", rg.claimName());
        assertEquals("team-d", rg.claimNamespace());
        assertEquals("rg-net-0003", rg.externalName());
        assertEquals(ObjectKind.MANAGED, rg.role());
        ResourceSummary xr = byDisplay(inv.composites()).get("XNetwork/net-0003-x");
        assertEquals("network", xr.composition());
        assertEquals("network-9d0e4b3", xr.compositionRevision());
    }

    private KindCount count(String kind, String group) {
        return inv.kinds().stream().filter(k -> k.kind().kind().equals(kind) && k.kind().group().equals(group))
                .findFirst().orElseThrow();
    }

    private GraphNode root(String kind, String name) {
        return analysis.graph().stream().filter(g -> g.ref().kind().equals(kind) && g.ref().name().equals(name))
                .findFirst().orElseThrow();
    }

    private static Set<String> keys(List<ResourceSummary> list) {
        return list.stream().map(r -> r.ref().display()).collect(Collectors.toSet());
    }

    private static Map<String, ResourceSummary> byDisplay(List<ResourceSummary> list) {
        return list.stream().collect(Collectors.toMap(r -> r.ref().display(), Function.identity()));
    }
}
