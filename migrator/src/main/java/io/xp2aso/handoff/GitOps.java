package io.xp2aso.handoff;

/**
 * How an object is tracked by GitOps. {@code tool}: {@link #ARGOCD}, {@link #FLUX_KUSTOMIZE} or {@link #FLUX_HELM};
 * {@code application} the Argo CD Application name, or {@code namespace/name} of the Flux Kustomization or
 * HelmRelease ("" when only the field manager shows the tool); {@code evidence} says what showed it.
 */
public record GitOps(String tool, String application, String evidence) {
    public static final String ARGOCD = "argocd";
    public static final String FLUX_KUSTOMIZE = "flux-kustomize";
    public static final String FLUX_HELM = "flux-helm";

    /** plan.json leaves out empty values: read back, they are empty again. */
    public GitOps {
        tool = tool == null ? "" : tool;
        application = application == null ? "" : application;
        evidence = evidence == null ? "" : evidence;
    }

    /** The tool and its application as people name them, e.g. "Argo CD application `web`". */
    public String describe() {
        String what = switch (tool) {
            case FLUX_KUSTOMIZE -> "Flux Kustomization";
            case FLUX_HELM -> "Flux HelmRelease";
            default -> "Argo CD application";
        };
        return what + (application.isEmpty() ? " (not named on the object)" : " `" + application + "`");
    }

    /** For plan.md's index: "Argo CD `app`", "Flux `ns/name`". */
    public String shortName() {
        return (tool.equals(ARGOCD) ? "Argo CD" : "Flux") + (application.isEmpty() ? "" : " `" + application + "`");
    }

    /** The annotation (key and value) that keeps the tool from pruning the object once it is gone from Git. */
    public String[] protection() {
        return switch (tool) {
            case FLUX_KUSTOMIZE -> new String[]{Keys.FLUX_PRUNE, Keys.FLUX_PRUNE_DISABLED};
            case FLUX_HELM -> new String[]{Keys.HELM_RESOURCE_POLICY, Keys.HELM_KEEP};
            default -> new String[]{Keys.ARGO_SYNC_OPTIONS, Keys.ARGO_PROTECT_VALUE};
        };
    }
}
