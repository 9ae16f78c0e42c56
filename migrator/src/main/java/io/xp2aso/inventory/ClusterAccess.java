package io.xp2aso.inventory;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a read-only client from a kubeconfig file (or the usual KUBECONFIG / ~/.kube/config / in-cluster
 * lookup) and context. A missing or unreadable kubeconfig, or a context it does not define, is a
 * {@link ClusterException}, not a silent fallback to some other cluster.
 */
public final class ClusterAccess {
    /** Fail fast on a dead endpoint instead of retrying with backoff for minutes. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 60_000;

    private ClusterAccess() {
    }

    public static KubernetesClient open(String kubeconfig, String context) {
        return new KubernetesClientBuilder().withConfig(config(kubeconfig, context)).build();
    }

    /** The checked configuration {@link #open} uses, for callers that add settings (a user agent) before connecting. */
    public static Config config(String kubeconfig, String context) {
        Config config;
        if (kubeconfig != null) {
            File file = new File(kubeconfig);
            if (!file.isFile()) {
                throw new ClusterException(kubeconfig, "kubeconfig file not found", null);
            }
            io.fabric8.kubernetes.api.model.Config parsed;
            try {
                parsed = KubeConfigUtils.parseConfig(file);
            } catch (RuntimeException e) {
                throw new ClusterException(kubeconfig, "cannot read kubeconfig: " + rootMessage(e), e);
            }
            checkContext(kubeconfig, parsed, context);
            try {
                config = Config.fromKubeconfig(context, file);
            } catch (RuntimeException e) {
                throw new ClusterException(kubeconfig, "cannot use kubeconfig: " + rootMessage(e), e);
            }
        } else {
            if (context != null) {
                checkContextInDefaultFiles(context);
            } else if (Config.getKubeconfigFilenames().stream().noneMatch(f -> new File(f).isFile())
                    && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                // fabric8 would otherwise try https://kubernetes.default.svc and fail with a bare host name.
                throw new ClusterException("kubeconfig", "no kubeconfig found (KUBECONFIG, ~/.kube/config) and not "
                        + "running inside a cluster: pass --kubeconfig", null);
            }
            config = Config.autoConfigure(context);
        }
        return new ConfigBuilder(config)
                .withConnectionTimeout(CONNECT_TIMEOUT_MS)
                .withRequestTimeout(REQUEST_TIMEOUT_MS)
                .withRequestRetryBackoffLimit(1)
                .build();
    }

    private static void checkContext(String file, io.fabric8.kubernetes.api.model.Config parsed, String context) {
        List<String> names = new ArrayList<>();
        if (parsed.getContexts() != null) {
            for (NamedContext c : parsed.getContexts()) {
                names.add(c.getName());
            }
        }
        if (context != null && !names.contains(context)) {
            throw new ClusterException(file, "context \"" + context + "\" not found (contexts: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")", null);
        }
        if (context == null && (parsed.getCurrentContext() == null || parsed.getCurrentContext().isEmpty())
                && names.isEmpty()) {
            throw new ClusterException(file, "kubeconfig defines no context", null);
        }
    }

    private static void checkContextInDefaultFiles(String context) {
        List<String> names = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String f : Config.getKubeconfigFilenames()) {
            File file = new File(f);
            if (!file.isFile()) {
                continue;
            }
            files.add(f);
            try {
                io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfig(file);
                if (parsed.getContexts() != null) {
                    parsed.getContexts().forEach(c -> names.add(c.getName()));
                }
            } catch (RuntimeException e) {
                throw new ClusterException(f, "cannot read kubeconfig: " + rootMessage(e), e);
            }
        }
        if (!names.contains(context)) {
            throw new ClusterException(files.isEmpty() ? "kubeconfig" : String.join(",", files),
                    "context \"" + context + "\" not found" + (files.isEmpty() ? " (no kubeconfig file found)" : ""),
                    null);
        }
    }

    static ClusterException unreachable(KubernetesClient client, KubernetesClientException e) {
        String where = "cluster:" + client.getMasterUrl();
        if (e.getCode() == 401) {
            return new ClusterException(where, "the cluster rejected the credentials (401 Unauthorized)", e);
        }
        return new ClusterException(where, "cannot reach the cluster: " + rootMessage(e), e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof java.net.UnknownHostException) {
            return "unknown host " + m;
        }
        return m == null || m.isEmpty() ? t.getClass().getSimpleName() : m;
    }
}
