package io.xp2aso.inventory;

import java.util.List;

/**
 * Everything a scan found, as summaries sorted by kind, namespace and name. {@code aks}: the facts of AKS cluster and
 * node pool MRs and of MRs that point at a cluster; {@code capzCrds}: the Cluster API and CAPZ kinds the cluster
 * serves ("Kind.group"), for {@code migrate --aks-target capz}.
 */
public record Inventory(ClusterInfo cluster, List<KindCount> kinds, List<UnlistedKind> unlisted, AsoInstallation aso,
                        List<XrdSummary> xrds, List<CompositionSummary> compositions,
                        List<EnvironmentConfigSummary> environmentConfigs, List<PackageSummary> providers,
                        List<PackageSummary> functions, List<ProviderConfigSummary> providerConfigs,
                        List<ResourceSummary> claims, List<ResourceSummary> composites,
                        List<ResourceSummary> managed, List<AksFacts> aks, List<String> capzCrds) {
    public Inventory {
        kinds = List.copyOf(kinds);
        unlisted = List.copyOf(unlisted);
        xrds = List.copyOf(xrds);
        compositions = List.copyOf(compositions);
        environmentConfigs = List.copyOf(environmentConfigs);
        providers = List.copyOf(providers);
        functions = List.copyOf(functions);
        providerConfigs = List.copyOf(providerConfigs);
        claims = List.copyOf(claims);
        composites = List.copyOf(composites);
        managed = List.copyOf(managed);
        aks = List.copyOf(aks);
        capzCrds = List.copyOf(capzCrds);
    }
}
