package io.xp2aso.mapping;

import java.util.List;
import java.util.Map;

/**
 * The ASO CRDs a cluster serves: per ASO "group/Kind", its served versions; {@code schemas} holds the served
 * schemas of the versions the catalog can write. {@code cluster} names the cluster in findings.
 */
public record ServedCrds(String cluster, Map<String, List<String>> served, CrdStore schemas) {
    public ServedCrds {
        served = Map.copyOf(served);
    }

    public List<String> servedVersions(String group, String kind) {
        return served.getOrDefault(group + "/" + kind, List.of());
    }
}
