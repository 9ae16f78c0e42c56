package io.xp2aso.inventory;

import java.util.List;

/** Everything a scan found, as summaries sorted by kind, namespace and name. */
public record Inventory(ClusterInfo cluster, List<KindCount> kinds, List<UnlistedKind> unlisted, AsoInstallation aso,
                        List<XrdSummary> xrds, List<CompositionSummary> compositions,
                        List<EnvironmentConfigSummary> environmentConfigs, List<PackageSummary> providers,
                        List<PackageSummary> functions, List<ProviderConfigSummary> providerConfigs,
                        List<ResourceSummary> claims, List<ResourceSummary> composites,
                        List<ResourceSummary> managed) {
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
    }
}
