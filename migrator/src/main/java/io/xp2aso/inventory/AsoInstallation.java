package io.xp2aso.inventory;

import java.util.List;

/**
 * Whether Azure Service Operator v2 is installed: true when CRDs of `*.azure.com` groups carry ASO's marks
 * (label app.kubernetes.io/name=azure-service-operator, or serviceoperator.azure.com labels or annotations).
 * {@code version} is the operator release from the CRDs' app.kubernetes.io/version label ("" when absent).
 */
public record AsoInstallation(boolean installed, String version, List<AsoCrd> crds) {
    public AsoInstallation {
        crds = List.copyOf(crds);
    }

    /** The versions the cluster serves for an ASO kind (empty when the CRD is absent). */
    public List<String> servedVersions(String group, String kind) {
        for (AsoCrd c : crds) {
            if (c.group().equals(group) && c.kind().equals(kind)) {
                return c.servedVersions();
            }
        }
        return List.of();
    }
}
