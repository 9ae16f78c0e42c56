package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link Cluster} over a fabric8 client with generic resources; kinds are resolved through their CRDs. */
public final class Fabric8Cluster implements Cluster {
    private final KubernetesClient client;
    private final Map<String, ResourceDefinitionContext> contexts = new HashMap<>();

    public Fabric8Cluster(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<ObjectNode> get(ObjectRef ref) {
        return call("read " + ref.display(), () -> {
            GenericKubernetesResource r = resource(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name()).get();
            return Optional.ofNullable(r == null ? null : toNode(r));
        });
    }

    @Override
    public ObjectNode create(ObjectNode object) {
        ObjectRef ref = ObjectRef.of(object);
        return call("create " + ref.display(), () -> toNode(ops(ref.apiVersion(), ref.kind(), ref.namespace())
                .resource(fromNode(object)).create()));
    }

    @Override
    public ObjectNode update(ObjectNode object) {
        ObjectRef ref = ObjectRef.of(object);
        return call("update " + ref.display(), () -> {
            GenericKubernetesResource r = ops(ref.apiVersion(), ref.kind(), ref.namespace()).resource(fromNode(object)).update();
            // Removing the last finalizer of a deleting object deletes it: the server then returns no object.
            return r == null ? object : toNode(r);
        });
    }

    @Override
    public void delete(ObjectRef ref) {
        call("delete " + ref.display(), () -> resource(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name())
                .withPropagationPolicy(DeletionPropagation.ORPHAN).delete());
    }

    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String namespace, String labelSelector) {
        return call("list " + kind, () -> {
            List<ObjectNode> out = new ArrayList<>();
            ResourceDefinitionContext ctx = context(apiVersion, kind);
            var op = client.genericKubernetesResources(ctx);
            var scoped = namespace.isEmpty() || !ctx.isNamespaceScoped() ? op.inAnyNamespace() : op.inNamespace(namespace);
            List<GenericKubernetesResource> items = labelSelector.isEmpty() ? scoped.list().getItems()
                    : scoped.withLabelSelector(labelSelector).list().getItems();
            items.forEach(i -> out.add(toNode(i)));
            return out;
        });
    }

    @Override
    public Optional<ObjectNode> crd(String group, String kind) {
        return call("read CRDs", () -> {
            for (CustomResourceDefinition c : client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
                if (c.getSpec().getGroup().equals(group) && c.getSpec().getNames().getKind().equals(kind)) {
                    return Optional.of((ObjectNode) Yaml.JSON.readTree(client.getKubernetesSerialization().asJson(c)));
                }
            }
            return Optional.empty();
        });
    }

    private Resource<GenericKubernetesResource> resource(String apiVersion, String kind, String namespace, String name) {
        return ops(apiVersion, kind, namespace).withName(name);
    }

    private NonNamespaceOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> ops(
            String apiVersion, String kind, String namespace) {
        ResourceDefinitionContext ctx = context(apiVersion, kind);
        var op = client.genericKubernetesResources(ctx);
        return ctx.isNamespaceScoped() ? op.inNamespace(namespace) : op;
    }

    private ResourceDefinitionContext context(String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        ResourceDefinitionContext known = contexts.get(key);
        if (known != null) {
            return known;
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        ResourceDefinitionContext ctx = builtIn(group, version, kind);
        if (ctx == null) {
            JsonNode crd = crd(group, kind).orElseThrow(() -> new ClusterException(ClusterException.Kind.UNKNOWN_KIND,
                    "kind " + kind + "." + group + " is not served by the cluster: its CRD is not installed", null));
            ctx = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                    .withPlural(crd.path("spec").path("names").path("plural").asText())
                    .withNamespaced("Namespaced".equals(crd.path("spec").path("scope").asText())).build();
        }
        contexts.put(key, ctx);
        return ctx;
    }

    private static ResourceDefinitionContext builtIn(String group, String version, String kind) {
        String plural = switch (group + "/" + kind) {
            case "/Secret" -> "secrets";
            case "/ConfigMap" -> "configmaps";
            case "/Namespace" -> "namespaces";
            case "apiextensions.k8s.io/CustomResourceDefinition" -> "customresourcedefinitions";
            default -> null;
        };
        if (plural == null) {
            return null;
        }
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(kind.equals("Secret") || kind.equals("ConfigMap")).build();
    }

    private ObjectNode toNode(GenericKubernetesResource r) {
        try {
            return (ObjectNode) Yaml.JSON.readTree(client.getKubernetesSerialization().asJson(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private GenericKubernetesResource fromNode(ObjectNode n) {
        return client.getKubernetesSerialization().unmarshal(n.toString(), GenericKubernetesResource.class);
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(String what, Call<T> c) {
        try {
            return c.run();
        } catch (ClusterException e) {
            throw e;
        } catch (KubernetesClientException e) {
            throw translate(what, e);
        } catch (Exception e) {
            throw new ClusterException(ClusterException.Kind.SERVER, "cannot " + what + ": " + e.getMessage(), e);
        }
    }

    static ClusterException translate(String what, KubernetesClientException e) {
        int code = e.getCode();
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (code == 401 || code == 403) {
            return new ClusterException(ClusterException.Kind.DENIED, "permission denied: cannot " + what + ": " + reason, e);
        }
        if (code == 409) {
            return new ClusterException(ClusterException.Kind.CONFLICT, "conflict: cannot " + what + ": " + reason, e);
        }
        if (code == 404 && (what.startsWith("list ") || what.equals("read CRDs"))) {
            // A collection that exists on every Kubernetes API server (CRDs, or a kind whose CRD was found) is not
            // there: retrying cannot help.
            return new ClusterException(ClusterException.Kind.NOT_AN_API, "the server answered 404 Not Found to "
                    + what + ": it is not a Kubernetes API server, or the kubeconfig's server URL has a wrong path", e);
        }
        if (code == 400 || code == 422) {
            return new ClusterException(ClusterException.Kind.INVALID, "rejected: cannot " + what + ": " + reason, e);
        }
        // No HTTP status at all: the request never got an answer (refused, unresolvable, timed out).
        if (code <= 0 || isConnectionProblem(e) && code == 0) {
            return new ClusterException(ClusterException.Kind.UNREACHABLE, "cluster unreachable: cannot " + what + ": "
                    + rootMessage(e), e);
        }
        return new ClusterException(ClusterException.Kind.SERVER, "cannot " + what + " (HTTP " + code + "): " + reason, e);
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof InterruptedIOException
                    || (t instanceof IOException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
