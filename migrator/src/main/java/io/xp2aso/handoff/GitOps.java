package io.xp2aso.handoff;

/**
 * How a claim is tracked by GitOps. {@code tool} is "argocd"; {@code application} the Argo CD Application name
 * (from the {@code app.kubernetes.io/instance} label or the {@code argocd.argoproj.io/tracking-id} annotation);
 * {@code evidence} says which of them.
 */
public record GitOps(String tool, String application, String evidence) {
}
