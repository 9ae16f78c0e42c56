package io.xp2aso.inventory;

import java.util.List;

/** An Azure Service Operator CRD on the cluster: its group, kind, the versions it serves and its storage version. */
public record AsoCrd(String group, String kind, List<String> servedVersions, String storageVersion) {
    public AsoCrd {
        servedVersions = List.copyOf(servedVersions);
    }
}
