package io.xp2aso.inventory;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** #17: scan says, per AKS cluster, whether it can move to Cluster API (CAPZ) and what stays plain ASO (mock API server). */
class AksScanTest {
    /** The catalog maps the AKS cluster and node pool and the virtual network, not the cluster extension. */
    static final KindSupport CATALOG = new KindSupport() {
        private final Set<String> mapped = Set.of("containerservice.azure.upbound.io/KubernetesCluster",
                "containerservice.azure.upbound.io/KubernetesClusterNodePool", "network.azure.upbound.io/VirtualNetwork");

        @Override
        public boolean hasMapping(String apiVersion, String kind) {
            return mapped.contains(apiVersion.substring(0, apiVersion.indexOf('/')) + "/" + kind);
        }

        @Override
        public List<AsoTarget> targets(String apiVersion, String kind) {
            return List.of();
        }
    };

    @Test
    void eachAksClusterSaysWhetherItCanMoveToCapzAndWhatStaysAso() {
        try (MockCluster cluster = new MockCluster()) {
            cluster.applyCrds("aks-crds.yaml", true);
            cluster.applyAll("aks-objects.yaml");
            Inventory inv = new Scanner(cluster.client, "", null, 50, new PrintWriter(new StringWriter())).scan();
            Analysis a = InventoryAnalysis.analyze(inv, CATALOG);

            assertEquals(List.of("AzureASOManagedControlPlane.infrastructure.cluster.x-k8s.io", "Cluster.cluster.x-k8s.io",
                    "MachinePool.cluster.x-k8s.io"), inv.capzCrds());
            assertEquals(List.of("KubernetesCluster/dev-aks-x2", "KubernetesCluster/prod-aks-x1"),
                    a.aks().stream().map(r -> r.cluster().display()).toList());

            AksReadiness prod = a.aks().get(1);
            assertTrue(prod.capz(), prod.reasons().toString());
            assertEquals("/subscriptions/0000/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod",
                    prod.azureId());
            // The pools by ARM ID (whatever its case); the extension by ARM ID too; the network by its XR.
            assertEquals(List.of("system (default pool): 3 replicas",
                    "batch (KubernetesClusterNodePool/prod-aks-batch): 2 replicas",
                    "user (KubernetesClusterNodePool/prod-aks-user): replicas managed by the AKS autoscaler, 4 nodes now"),
                    prod.machinePools());
            assertEquals(List.of("KubernetesClusterExtension/prod-flux (no ASO mapping: it keeps its unit on Crossplane)",
                    "VirtualNetwork/prod-vnet"), prod.staysAso());

            AksReadiness dev = a.aks().get(0);
            assertFalse(dev.capz());
            assertEquals(List.of("KubernetesCluster/dev-aks-x2 is not Ready and Synced: Synced=False (ReconcileError): "
                            + "cannot update managed cluster",
                    "the node count of pool dev-aks-spot is not known (neither observed nor in the spec): Cluster API "
                            + "would default its MachinePool to 1 replica and CAPZ would resize the pool"), dev.reasons());
            // The pool refers to the cluster MR by name.
            assertEquals(List.of("system (default pool): 1 replicas",
                    "dev-aks-spot (KubernetesClusterNodePool/dev-aks-spot): replicas unknown"), dev.machinePools());
            assertEquals(List.of(), dev.staysAso());

            String json = InventoryJson.render(inv, a);
            assertTrue(json.contains("\"clusterApi\" : {\n    \"installed\" : false,"), json);
            assertTrue(json.contains("\"name\" : \"prod-aks-x1\",\n    \"azureId\" : \"/subscriptions/0000/resourceGroups/rg-prod/"
                    + "providers/Microsoft.ContainerService/managedClusters/aks-prod\",\n    \"capz\" : true,"), json);
            String md = InventoryTemplates.markdown(InventoryViews.scope(inv, a));
            assertTrue(md.contains("## AKS clusters: Cluster API (migrate --aks-target capz)"), md);
            assertTrue(md.contains("| KubernetesCluster/dev-aks-x2 | containerservice.azure.upbound.io/v1beta2 | "
                    + "/subscriptions/0000/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-dev | no |"), md);
            assertTrue(InventoryTemplates.html(InventoryViews.scope(inv, a)).contains("<table id=\"aks-table\">"));
        }
    }

    @Test
    void anEstateWithoutAksHasNoAksSection() {
        try (MockCluster cluster = new MockCluster()) {
            new EstateSeeder(cluster).seed(2, 2, 0);
            Inventory inv = new Scanner(cluster.client, "", null, 50, new PrintWriter(new StringWriter())).scan();
            Analysis a = InventoryAnalysis.analyze(inv, TestCatalog.SUPPORT);
            assertEquals(List.of(), a.aks());
            assertEquals(List.of(), inv.aks());
            assertFalse(InventoryTemplates.markdown(InventoryViews.scope(inv, a)).contains("AKS clusters"));
            assertTrue(InventoryJson.render(inv, a).contains("\"aksClusters\" : [ ]"));
        }
    }
}
