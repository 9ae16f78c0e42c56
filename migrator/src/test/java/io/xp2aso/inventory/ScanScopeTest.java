package io.xp2aso.inventory;

import io.xp2aso.model.ObjectKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scans of a small estate: one namespace, a cluster without ASO, CRDs forbidden, and clusters that cannot be scanned. */
class ScanScopeTest {
    MockCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void namespaceLimitsClaimsAndTheirComposedObjects() {
        cluster = new MockCluster();
        EstateSeeder seeded = new EstateSeeder(cluster).seed(10, 10, 5);
        Inventory inv = new Scanner(cluster.client, "", "team-b", 3, new PrintWriter(new StringWriter())).scan();
        assertEquals("team-b", inv.cluster().namespace());
        assertFalse(inv.claims().isEmpty());
        assertTrue(inv.claims().stream().allMatch(c -> c.ref().namespace().equals("team-b")));
        assertEquals(seeded.claims / 5, inv.claims().size());
        assertTrue(inv.composites().stream().allMatch(x -> x.claimNamespace().equals("team-b")));
        assertEquals(inv.claims().size(), inv.composites().size());
        Set<String> all = new java.util.HashSet<>(seeded.mrKeys);
        all.addAll(seeded.vaults);
        Set<String> expected = all.stream().filter(k -> !k.startsWith("ResourceGroup/shared-"))
                .filter(k -> {
                    int n = Integer.parseInt(k.replaceAll(".*/[a-z]+-(\\d{4})-.*", "$1"));
                    return n % 5 == 1;
                }).collect(Collectors.toSet());
        assertEquals(expected, inv.managed().stream().map(r -> r.ref().display()).collect(Collectors.toSet()));
        // Cluster-wide configuration is always listed.
        assertEquals(3, inv.xrds().size());
        assertEquals(6, inv.compositions().size());
        // The label selector did the filtering on the server.
        assertTrue(cluster.dispatcher.lists.stream().anyMatch(l -> l.path().endsWith("/resourcegroups")
                && l.query().contains("labelSelector=crossplane.io%2Fclaim-namespace%3Dteam-b")),
                cluster.dispatcher.lists.toString());
        assertTrue(cluster.dispatcher.lists.stream().anyMatch(l -> l.path().equals("/apis/platform.example.org/v1alpha1/namespaces/team-b/networks")));
    }

    @Test
    void expiredListSnapshotContinuesOnTheFreshToken() {
        cluster = new MockCluster();
        EstateSeeder seeded = new EstateSeeder(cluster).seed(12, 0, 0);
        cluster.dispatcher.expireOnce.add("/apis/network.azure.upbound.io/v1beta1/subnets#10");
        StringWriter err = new StringWriter();
        Inventory inv = new Scanner(cluster.client, "", null, 5, new PrintWriter(err, true)).scan();
        assertTrue(inv.unlisted().isEmpty(), inv.unlisted().toString());
        assertEquals(seeded.mrKeys.stream().filter(k -> k.startsWith("Subnet/")).collect(Collectors.toSet()),
                inv.managed().stream().filter(r -> r.ref().kind().equals("Subnet")).map(r -> r.ref().display())
                        .collect(Collectors.toSet()));
        assertTrue(err.toString().contains("subnets.network.azure.upbound.io: list snapshot expired after 10 objects"),
                err.toString());
        assertEquals(2, cluster.dispatcher.lists.stream()
                .filter(l -> l.path().endsWith("/subnets") && l.continueToken().equals("10")).count());
    }

    @Test
    void reportsAsoMissing() {
        cluster = new MockCluster();
        new EstateSeeder(cluster).seed(2, 2, 0, false);
        Inventory inv = new Scanner(cluster.client, "", null, 50, new PrintWriter(new StringWriter())).scan();
        assertFalse(inv.aso().installed());
        assertTrue(inv.aso().crds().isEmpty());
        Analysis a = InventoryAnalysis.analyze(inv, TestCatalog.SUPPORT);
        assertTrue(a.blockers().stream().anyMatch(b -> b.code().equals("aso-not-installed")));
    }

    @Test
    void withoutCrdAccessListsCrossplaneKindsAndXrdDefinedKinds() {
        cluster = new MockCluster();
        EstateSeeder seeded = new EstateSeeder(cluster).seed(3, 2, 0);
        cluster.forbid("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", "customresourcedefinitions is forbidden");
        Inventory inv = new Scanner(cluster.client, "", null, 50, new PrintWriter(new StringWriter())).scan();
        assertEquals(List.of("customresourcedefinitions.apiextensions.k8s.io"),
                inv.unlisted().stream().map(UnlistedKind::resource).toList());
        assertEquals(seeded.claims, inv.claims().size());
        assertEquals(seeded.composites, inv.composites().size());
        assertEquals(3, inv.xrds().size());
        assertTrue(inv.managed().isEmpty(), "MR kinds cannot be discovered without CRDs");
        assertTrue(inv.kinds().stream().anyMatch(k -> k.kind().role() == ObjectKind.CLAIM && k.kind().kind().equals("Network")));
        // The graph still shows what the XRs reference.
        Analysis a = InventoryAnalysis.analyze(inv, TestCatalog.SUPPORT);
        GraphNode xr = a.graph().stream().filter(g -> g.ref().name().equals("net-0000")).findFirst().orElseThrow()
                .children().get(0);
        assertEquals(4, xr.children().size());
        assertTrue(xr.children().stream().allMatch(c -> c.state().equals("missing")));
    }

    @Test
    void rejectedCredentialsAbortTheScan() {
        cluster = new MockCluster();
        cluster.server.expect().get().withPath("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
                .andReturn(401, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":401,"
                        + "\"message\":\"Unauthorized\"}").always();
        ClusterException e = assertThrows(ClusterException.class,
                () -> new Scanner(cluster.client, "", null, 50, new PrintWriter(new StringWriter())).scan());
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertTrue(e.where().startsWith("cluster:http://"), e.where());
    }

    @Test
    void unreachableClusterAbortsTheScan() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kc");
        io.xp2aso.testutil.DeadCluster dead = io.xp2aso.testutil.DeadCluster.in(dir);
        java.nio.file.Path kc = dead.kubeconfig();
        int port = dead.port();
        try (var client = ClusterAccess.open(kc.toString(), null)) {
            ClusterException e = assertThrows(ClusterException.class,
                    () -> new Scanner(client, "", null, 50, new PrintWriter(new StringWriter())).scan());
            assertTrue(e.getMessage().startsWith("cannot reach the cluster"), e.getMessage());
            assertEquals("cluster:http://127.0.0.1:" + port + "/", e.where());
        }
        ClusterException bad = assertThrows(ClusterException.class, () -> ClusterAccess.open(kc.toString(), "nope"));
        assertEquals("context \"nope\" not found (contexts: dead)", bad.getMessage());
        ClusterException missing = assertThrows(ClusterException.class,
                () -> ClusterAccess.open(dir.resolve("absent").toString(), null));
        assertEquals("kubeconfig file not found", missing.getMessage());
    }
}
