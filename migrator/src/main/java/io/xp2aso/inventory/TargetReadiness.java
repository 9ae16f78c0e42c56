package io.xp2aso.inventory;

import java.util.List;

/**
 * Whether the cluster's ASO can take an ASO kind a mapping writes: {@code version} is the first version the
 * catalog can write that the cluster serves, or the catalog's default when none is served; {@code served} says
 * which; {@code installed} is false when the cluster has no CRD for the kind at all.
 */
public record TargetReadiness(String group, String kind, String version, boolean installed, boolean served,
                              List<String> catalogVersions, List<String> clusterVersions) {
    public TargetReadiness {
        catalogVersions = List.copyOf(catalogVersions);
        clusterVersions = List.copyOf(clusterVersions);
    }

    static TargetReadiness of(KindSupport.AsoTarget t, AsoInstallation aso) {
        List<String> servedByCluster = aso.servedVersions(t.group(), t.kind());
        for (String v : t.versions()) {
            if (servedByCluster.contains(v)) {
                return new TargetReadiness(t.group(), t.kind(), v, true, true, t.versions(), servedByCluster);
            }
        }
        String fallback = t.versions().isEmpty() ? "" : t.versions().get(0);
        return new TargetReadiness(t.group(), t.kind(), fallback, !servedByCluster.isEmpty(), false, t.versions(),
                servedByCluster);
    }
}
