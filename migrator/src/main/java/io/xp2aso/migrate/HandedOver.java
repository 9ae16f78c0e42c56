package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.capz.CapzObjects;

import java.util.List;

/**
 * The generated ASO files before and after the handoff (#13.10). The object files carry reconcile-policy skip, so
 * applying {@code aso/} (by hand, or by Argo CD from Git) while Crossplane still manages never makes ASO write. Once a
 * unit is handed over, ASO must stay in manage; committing the skip files then would flip it back. So each unit
 * folder holds a kustomize Component, {@code handed-over/}, that sets reconcile-policy manage on exactly the objects
 * the handoff's manage step flips; after the handoff the user enables it in the unit's kustomization
 * ({@code components: [handed-over]}) and commits: from then on the files describe the handed-over state. The
 * Component is not referenced by any generated kustomization, so nothing applies it before then.
 */
final class HandedOver {
    static final String FOLDER = "handed-over";

    private HandedOver() {
    }

    static String component(String unitId, List<ObjectNode> objects) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Unit ").append(unitId).append(": enable this only after `xp2aso handoff` finished the unit (final-verify\n")
                .append("# done), by adding `components: [").append(FOLDER).append("]` to ../kustomization.yaml, then commit:\n")
                .append("# the unit's ASO resources are then applied with reconcile-policy manage, as the handoff left them.\n")
                .append("# Enabled before the handoff, ASO would write while Crossplane still manages.\n")
                .append("apiVersion: kustomize.config.k8s.io/v1alpha1\n")
                .append("kind: Component\n")
                .append("patches:\n");
        for (ObjectNode o : objects) {
            if (CapzObjects.isCapi(o)) {
                // A CAPZ object: the reconcile-policy that counts is on the ASO objects it embeds (CAPZ applies them
                // as written, so it owns their annotations); Cluster and MachinePools have none.
                List<ObjectNode> embedded = CapzObjects.resources(o);
                for (int i = 0; i < embedded.size(); i++) {
                    target(sb, o);
                    patch(sb, "/spec/resources/" + i + "/metadata/annotations/serviceoperator.azure.com~1reconcile-policy");
                }
                continue;
            }
            target(sb, o);
            patch(sb, "/metadata/annotations/serviceoperator.azure.com~1reconcile-policy");
        }
        return sb.toString();
    }

    private static void target(StringBuilder sb, ObjectNode o) {
        String apiVersion = o.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        sb.append("  - target:\n")
                .append("      group: ").append(slash < 0 ? "\"\"" : apiVersion.substring(0, slash)).append('\n')
                .append("      version: ").append(apiVersion.substring(slash + 1)).append('\n')
                .append("      kind: ").append(o.path("kind").asText()).append('\n')
                .append("      name: ").append(o.path("metadata").path("name").asText()).append('\n')
                .append("      namespace: ").append(o.path("metadata").path("namespace").asText()).append('\n');
    }

    private static void patch(StringBuilder sb, String path) {
        sb.append("    patch: |-\n")
                .append("      - op: add\n")
                .append("        path: ").append(path).append('\n')
                .append("        value: manage\n");
    }
}
