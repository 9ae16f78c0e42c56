package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Field managers (metadata.managedFields) that neither re-create nor rewrite what the handoff hands over, matched as
 * prefixes: Crossplane (core, its server-side-apply owners), providers, kubectl, Kubernetes' own controllers (the
 * garbage collector), and xp2aso itself. Used by migrate (on the observed objects) and by preflight (live).
 */
public final class FieldManagers {
    private FieldManagers() {
    }

    public static final List<String> KNOWN = List.of("crossplane", "apiextensions.crossplane.io", "provider", "kubectl",
            "kube-controller-manager", "before-first-apply", "xp2aso");

    public static boolean known(String manager) {
        return KNOWN.stream().anyMatch(manager::startsWith);
    }

    /** The object's field managers that are neither known nor a GitOps controller's, in order, each once. */
    public static List<String> unknown(JsonNode obj) {
        List<String> out = new ArrayList<>();
        for (String m : GitOpsDetector.managers(obj)) {
            if (!known(m) && !GitOpsDetector.gitOpsManager(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
