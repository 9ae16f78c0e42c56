package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognises objects a GitOps tool applies: Argo CD by its tracking-id annotation ("app:group/kind:ns/name") or its
 * instance label (the default {@code app.kubernetes.io/instance}, or the custom key of argocd-cm), Flux by the
 * labels kustomize-controller and helm-controller put on what they apply, and any of them by its field manager in
 * {@code metadata.managedFields} (Argo CD with a custom label key the plan cannot know, tools that set no label).
 */
public final class GitOpsDetector {
    private GitOpsDetector() {
    }

    /** Field managers of GitOps controllers, and the tool each one is. */
    private static final List<String[]> MANAGERS = List.of(
            new String[]{"argocd-controller", GitOps.ARGOCD},
            new String[]{"argocd-application-controller", GitOps.ARGOCD},
            new String[]{"argocd-server", GitOps.ARGOCD},
            new String[]{"kustomize-controller", GitOps.FLUX_KUSTOMIZE},
            new String[]{"helm-controller", GitOps.FLUX_HELM});

    public static GitOps detect(JsonNode obj) {
        return detect(obj, "");
    }

    /** {@code argoLabel}: Argo CD's custom instance label key ("" when the default is used or unknown). */
    public static GitOps detect(JsonNode obj, String argoLabel) {
        if (obj == null) {
            return null;
        }
        JsonNode md = obj.path("metadata");
        String tracking = md.path("annotations").path(Keys.ARGO_TRACKING_ID).asText("");
        if (!tracking.isEmpty()) {
            int colon = tracking.indexOf(':');
            return new GitOps(GitOps.ARGOCD, colon < 0 ? tracking : tracking.substring(0, colon),
                    "annotation " + Keys.ARGO_TRACKING_ID);
        }
        for (String key : argoLabel.isEmpty() || argoLabel.equals(Keys.ARGO_INSTANCE_LABEL)
                ? List.of(Keys.ARGO_INSTANCE_LABEL) : List.of(argoLabel, Keys.ARGO_INSTANCE_LABEL)) {
            String instance = md.path("labels").path(key).asText("");
            if (!instance.isEmpty()) {
                return new GitOps(GitOps.ARGOCD, instance, "label " + key);
            }
        }
        GitOps flux = labelled(md, Keys.FLUX_KUSTOMIZE_NAME, Keys.FLUX_KUSTOMIZE_NAMESPACE, GitOps.FLUX_KUSTOMIZE);
        if (flux == null) {
            flux = labelled(md, Keys.FLUX_HELM_NAME, Keys.FLUX_HELM_NAMESPACE, GitOps.FLUX_HELM);
        }
        if (flux != null) {
            return flux;
        }
        for (String m : managers(obj)) {
            for (String[] known : MANAGERS) {
                if (m.equals(known[0])) {
                    return new GitOps(known[1], "", "field manager " + m);
                }
            }
        }
        return null;
    }

    private static GitOps labelled(JsonNode md, String nameKey, String namespaceKey, String tool) {
        String name = md.path("labels").path(nameKey).asText("");
        if (name.isEmpty()) {
            return null;
        }
        String ns = md.path("labels").path(namespaceKey).asText("");
        return new GitOps(tool, ns.isEmpty() ? name : ns + "/" + name, "label " + nameKey);
    }

    /** The field managers recorded in metadata.managedFields, in order, each once. */
    public static Set<String> managers(JsonNode obj) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode f : obj.path("metadata").path("managedFields")) {
            String m = f.path("manager").asText("");
            if (!m.isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    /** True for a GitOps controller's field manager. */
    public static boolean gitOpsManager(String manager) {
        return MANAGERS.stream().anyMatch(k -> k[0].equals(manager));
    }
}
