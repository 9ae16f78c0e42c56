package io.xp2aso.mapping;

import io.xp2aso.source.Origin;

import java.util.List;

/**
 * One ASO object a mapping file makes from each MR (or from each element of {@code forEach}).
 * {@code versions}: other served versions of the same kind whose schema holds every mapped path (a scan of the
 * cluster may choose one of them); {@code when}: emitted only when this forProvider/atProvider path is present, or
 * when another migrated resource needs it as its owner; {@code wholeLists}: lists Azure replaces as a whole, which the
 * sources or the observed state must give (else the unit is blocked).
 */
public record TargetSpec(String id, String apiVersion, String kind, List<String> versions, String nameSuffix,
                         String when, String forEach, AzureNameSpec azureName, RefSpec owner, List<RuleSpec> rules,
                         List<ConnectionKey> connectionSecret, List<WholeListSpec> wholeLists, Origin origin) {
    public TargetSpec {
        versions = List.copyOf(versions);
        wholeLists = List.copyOf(wholeLists);
        rules = List.copyOf(rules);
        connectionSecret = List.copyOf(connectionSecret);
    }

    public String group() {
        return apiVersion.substring(0, apiVersion.indexOf('/'));
    }

    public String version() {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** The default version first, then the alternatives. */
    public List<String> allVersions() {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(version());
        for (String v : versions) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }
}
