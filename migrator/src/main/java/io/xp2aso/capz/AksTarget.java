package io.xp2aso.capz;

import java.util.Locale;

/**
 * What an AKS cluster (upjet KubernetesCluster with its KubernetesClusterNodePools) becomes: plain ASO objects, or a
 * Cluster API cluster whose CAPZ objects embed those ASO objects ({@link CapzMapping}).
 */
public enum AksTarget {
    ASO, CAPZ;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** aso or capz, in any case; null for anything else. */
    public static AksTarget parse(String text) {
        for (AksTarget t : values()) {
            if (t.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return t;
            }
        }
        return null;
    }
}
