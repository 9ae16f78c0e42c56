package io.xp2aso.handoff;

/** Annotation, label, finalizer and condition names the handoff reads and writes. */
public final class Keys {
    private Keys() {
    }

    public static final String PAUSED = "crossplane.io/paused";
    public static final String EXTERNAL_NAME = "crossplane.io/external-name";
    public static final String RECONCILE_POLICY = "serviceoperator.azure.com/reconcile-policy";
    public static final String RESOURCE_ID = "serviceoperator.azure.com/resource-id";
    public static final String CREDENTIAL_FROM = "serviceoperator.azure.com/credential-from";
    public static final String ASO_CREDENTIAL_SECRET = "aso-credential";
    public static final String ASO_GLOBAL_SECRET = "aso-controller-settings";
    public static final String ARGO_INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String ARGO_TRACKING_ID = "argocd.argoproj.io/tracking-id";
    public static final String ARGO_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    public static final String ARGO_PROTECT_VALUE = "Prune=false,Delete=false";
    public static final String POLICY_SKIP = "skip";
    public static final String POLICY_MANAGE = "manage";
}
