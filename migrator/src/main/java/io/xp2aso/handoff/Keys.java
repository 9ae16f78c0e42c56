package io.xp2aso.handoff;

import io.xp2aso.inventory.ArgoSettings;

/** Annotation, label, finalizer and condition names the handoff reads and writes. */
public final class Keys {
    private Keys() {
    }

    public static final String PAUSED = "crossplane.io/paused";
    public static final String EXTERNAL_NAME = "crossplane.io/external-name";
    public static final String RECONCILE_POLICY = "serviceoperator.azure.com/reconcile-policy";
    public static final String RESOURCE_ID = "serviceoperator.azure.com/resource-id";
    /** Set by ASO while a long-running Azure operation (a PUT) it started is being polled. */
    public static final String POLLER_RESUME_TOKEN = "serviceoperator.azure.com/poller-resume-token";
    /** upjet's conditions: the asynchronous Terraform operation now (False/Ongoing while it runs) and the last one's result. */
    public static final String ASYNC_OPERATION = "AsyncOperation";
    public static final String LAST_ASYNC_OPERATION = "LastAsyncOperation";
    public static final String CREDENTIAL_FROM = "serviceoperator.azure.com/credential-from";
    public static final String ASO_CREDENTIAL_SECRET = "aso-credential";
    public static final String ASO_GLOBAL_SECRET = "aso-controller-settings";
    public static final String ARGO_INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String ARGO_TRACKING_ID = "argocd.argoproj.io/tracking-id";
    public static final String ARGO_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    public static final String ARGO_PROTECT_VALUE = "Prune=false,Delete=false";
    /** Argo CD's settings: a custom instance label is {@code application.instanceLabelKey} of ConfigMap argocd/argocd-cm. */
    public static final String ARGO_CM_NAMESPACE = ArgoSettings.NAMESPACE;
    public static final String ARGO_CM = ArgoSettings.NAME;
    public static final String ARGO_CM_LABEL_KEY = ArgoSettings.LABEL_KEY;
    public static final String FLUX_KUSTOMIZE_NAME = "kustomize.toolkit.fluxcd.io/name";
    public static final String FLUX_KUSTOMIZE_NAMESPACE = "kustomize.toolkit.fluxcd.io/namespace";
    public static final String FLUX_HELM_NAME = "helm.toolkit.fluxcd.io/name";
    public static final String FLUX_HELM_NAMESPACE = "helm.toolkit.fluxcd.io/namespace";
    /** Flux's per-object opt-out of pruning, and Helm's (helm-controller honours it when a release drops the object). */
    public static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";
    public static final String FLUX_PRUNE_DISABLED = "disabled";
    public static final String HELM_RESOURCE_POLICY = "helm.sh/resource-policy";
    public static final String HELM_KEEP = "keep";
    public static final String POLICY_SKIP = "skip";
    public static final String POLICY_MANAGE = "manage";
    public static final String POLICY_DETACH = "detach-on-delete";
}
