package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.exec.Cluster;
import io.xp2aso.handoff.exec.ClusterException;
import io.xp2aso.source.Yaml;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Cluster} that hands each request straight to the world's CRUD dispatcher, in process: the same server
 * (paths, resource versions, finalizers, faults, propagation policies) without HTTP or a fabric8 client. The benchmark
 * runs thousands of small worlds, where a loopback server per world would cost more than the handoff itself.
 */
final class DirectCluster implements Cluster {
    private final FaultyDispatcher dispatcher;
    private final String agent;
    private final Map<String, String[]> resources = new HashMap<>();

    DirectCluster(FaultyDispatcher dispatcher, String agent) {
        this.dispatcher = dispatcher;
        this.agent = agent;
    }

    @Override
    public Optional<ObjectNode> get(ObjectRef ref) {
        MockResponse r = send(HttpMethod.GET, path(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name()), null);
        if (r.code() == 404) {
            return Optional.empty();
        }
        return Optional.of((ObjectNode) body(r, "read " + ref.display()));
    }

    @Override
    public ObjectNode create(ObjectNode object) {
        ObjectRef ref = ObjectRef.of(object);
        MockResponse r = send(HttpMethod.POST, path(ref.apiVersion(), ref.kind(), ref.namespace(), ""), object.toString());
        return (ObjectNode) body(r, "create " + ref.display());
    }

    @Override
    public ObjectNode update(ObjectNode object) {
        ObjectRef ref = ObjectRef.of(object);
        ObjectNode sent = object;
        if (object.path("metadata").path("resourceVersion").asText("").isEmpty()) {
            // as fabric8's update(): without a resourceVersion, the live one
            sent = object.deepCopy();
            ObjectNode live = get(ref).orElseThrow(() -> new ClusterException(ClusterException.Kind.SERVER,
                    "cannot update " + ref.display() + " (HTTP 404): not found", null));
            sent.with("metadata").put("resourceVersion", live.path("metadata").path("resourceVersion").asText());
        }
        MockResponse r = send(HttpMethod.PUT, path(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name()), sent.toString());
        String text = r.getBody() == null ? "" : r.getBody().readUtf8();
        if (r.code() < 300 && text.isBlank()) {
            return object; // the last finalizer of a deleting object removed: it is gone
        }
        return (ObjectNode) parse(r.code(), text, "update " + ref.display());
    }

    @Override
    public void delete(ObjectRef ref) {
        delete(ref, "Orphan");
    }

    /** A delete with this propagation policy (the executor's Cluster always orphans; controllers use Background). */
    void delete(ObjectRef ref, String propagation) {
        MockResponse r = send(HttpMethod.DELETE, path(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name()),
                "{\"apiVersion\":\"v1\",\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"" + propagation + "\"}");
        if (r.code() != 404) {
            body(r, "delete " + ref.display());
        }
    }

    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String namespace, String labelSelector) {
        String p = path(apiVersion, kind, namespace, "");
        if (!labelSelector.isEmpty()) {
            p += "?labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8);
        }
        JsonNode list = body(send(HttpMethod.GET, p, null), "list " + kind);
        List<ObjectNode> out = new ArrayList<>();
        list.path("items").forEach(i -> out.add((ObjectNode) i));
        return out;
    }

    @Override
    public Optional<ObjectNode> crd(String group, String kind) {
        JsonNode list = body(send(HttpMethod.GET, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", null), "read CRDs");
        for (JsonNode c : list.path("items")) {
            if (c.path("spec").path("group").asText().equals(group) && c.path("spec").path("names").path("kind").asText().equals(kind)) {
                return Optional.of((ObjectNode) c);
            }
        }
        return Optional.empty();
    }

    /** The API path of a kind's collection (name empty) or of one object; a namespace is ignored for cluster scope. */
    private String path(String apiVersion, String kind, String namespace, String name) {
        String[] res = resource(apiVersion, kind);
        boolean namespaced = res[1].equals("Namespaced");
        String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        String p = base + (namespaced && !namespace.isEmpty() ? "/namespaces/" + namespace : "") + "/" + res[0];
        return name.isEmpty() ? p : p + "/" + name;
    }

    /** {plural, scope} of a kind: built in, else from its CRD (as Fabric8Cluster resolves them). */
    private String[] resource(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String key = group + "/" + kind;
        String[] known = resources.get(key);
        if (known != null) {
            return known;
        }
        String[] res = switch (key) {
            case "/Secret" -> new String[]{"secrets", "Namespaced"};
            case "/ConfigMap" -> new String[]{"configmaps", "Namespaced"};
            case "/Namespace" -> new String[]{"namespaces", "Cluster"};
            case "apiextensions.k8s.io/CustomResourceDefinition" -> new String[]{"customresourcedefinitions", "Cluster"};
            default -> {
                JsonNode c = crd(group, kind).orElseThrow(() -> new ClusterException(ClusterException.Kind.UNKNOWN_KIND,
                        "kind " + kind + "." + group + " is not served by the cluster: its CRD is not installed", null));
                yield new String[]{c.path("spec").path("names").path("plural").asText(), c.path("spec").path("scope").asText()};
            }
        };
        resources.put(key, res);
        return res;
    }

    private MockResponse send(HttpMethod method, String path, String body) {
        Headers.Builder h = Headers.builder().add("User-Agent", agent);
        Buffer b = new Buffer();
        if (body != null) {
            h.add("Content-Type", "application/json");
            b.writeUtf8(body);
        }
        return dispatcher.dispatch(new RecordedRequest("HTTP/1.1", method, path, h.build(), b));
    }

    private static JsonNode body(MockResponse r, String what) {
        return parse(r.code(), r.getBody() == null ? "" : r.getBody().readUtf8(), what);
    }

    /** The answer's JSON, or the error the fabric8 client would have raised, translated as Fabric8Cluster does. */
    private static JsonNode parse(int code, String text, String what) {
        JsonNode n;
        try {
            n = text.isBlank() ? Yaml.JSON.createObjectNode() : Yaml.JSON.readTree(text);
        } catch (IOException e) {
            throw new ClusterException(ClusterException.Kind.SERVER, "cannot " + what + ": unreadable answer", e);
        }
        if (code < 300) {
            return n;
        }
        String reason = n.path("message").asText(text);
        ClusterException.Kind kind = switch (code) {
            case 401, 403 -> ClusterException.Kind.DENIED;
            case 409 -> ClusterException.Kind.CONFLICT;
            case 400, 422 -> ClusterException.Kind.INVALID;
            default -> ClusterException.Kind.SERVER;
        };
        String prefix = switch (kind) {
            case DENIED -> "permission denied: cannot ";
            case CONFLICT -> "conflict: cannot ";
            case INVALID -> "rejected: cannot ";
            default -> "cannot ";
        };
        throw new ClusterException(kind, prefix + what + (kind == ClusterException.Kind.SERVER ? " (HTTP " + code + ")" : "")
                + ": " + reason, null);
    }
}
