package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;

/** Recognises objects that Argo CD tracks, by its instance label or its tracking-id annotation ("app:group/kind:ns/name"). */
public final class GitOpsDetector {
    private GitOpsDetector() {
    }

    public static GitOps detect(JsonNode obj) {
        if (obj == null) {
            return null;
        }
        JsonNode md = obj.path("metadata");
        String tracking = md.path("annotations").path(Keys.ARGO_TRACKING_ID).asText("");
        if (!tracking.isEmpty()) {
            int colon = tracking.indexOf(':');
            return new GitOps("argocd", colon < 0 ? tracking : tracking.substring(0, colon),
                    "annotation " + Keys.ARGO_TRACKING_ID);
        }
        String instance = md.path("labels").path(Keys.ARGO_INSTANCE_LABEL).asText("");
        if (!instance.isEmpty()) {
            return new GitOps("argocd", instance, "label " + Keys.ARGO_INSTANCE_LABEL);
        }
        return null;
    }
}
