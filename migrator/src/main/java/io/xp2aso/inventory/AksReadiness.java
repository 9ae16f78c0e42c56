package io.xp2aso.inventory;

import java.util.List;

/**
 * Per AKS cluster MR: whether it can move to Cluster API ({@code migrate --aks-target capz}); if not, {@code reasons}
 * say why. {@code machinePools}: its node pools as the MachinePools they would become; {@code staysAso}: the MRs
 * that point at the cluster or share its XR and stay plain ASO objects (CAPZ records only the ManagedCluster, its
 * resource group and agent pools).
 */
public record AksReadiness(ObjectRef cluster, String azureId, boolean capz, List<String> reasons,
                           List<String> machinePools, List<String> staysAso) {
    public AksReadiness {
        reasons = List.copyOf(reasons);
        machinePools = List.copyOf(machinePools);
        staysAso = List.copyOf(staysAso);
    }
}
