package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/** A fabric8 mock API server in CRUD mode on loopback, with pagination, seeded from the inventory fixtures. */
public final class MockCluster implements AutoCloseable {
    /** The mock web server logs every request at INFO; thousands of seeding requests would drown the build log. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    public final KubernetesMockServer server;
    final PagingDispatcher dispatcher;
    final NamespacedKubernetesClient client;
    private final Map<String, ResourceDefinitionContext> contexts = new HashMap<>();
    /** Paths of the objects put with {@link #store}, to refuse a second object of the same name as the server does. */
    private final Set<String> stored = new HashSet<>();

    public MockCluster() {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        dispatcher = new PagingDispatcher(responses);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    public String url() {
        return server.url("/");
    }

    /** Creates the CRDs of a fixture file, and remembers where their objects are created. */
    void applyCrds(String fixture, boolean includeAso) {
        for (JsonNode doc : docs(read(fixture))) {
            String group = doc.path("spec").path("group").asText();
            if (!includeAso && group.endsWith(".azure.com")) {
                continue;
            }
            applyCrd(doc);
        }
    }

    /** Creates one CRD (e.g. a real ASO CRD from ../shared), and remembers where its objects are created. */
    public void applyCrd(JsonNode doc) {
        String group = doc.path("spec").path("group").asText();
        CustomResourceDefinition crd = client.getKubernetesSerialization()
                .unmarshal(doc.toString(), CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        for (JsonNode v : doc.path("spec").path("versions")) {
            contexts.put(group + "/" + v.path("name").asText() + "/" + doc.path("spec").path("names").path("kind").asText(),
                    new ResourceDefinitionContext.Builder().withGroup(group).withVersion(v.path("name").asText())
                            .withKind(doc.path("spec").path("names").path("kind").asText())
                            .withPlural(doc.path("spec").path("names").path("plural").asText())
                            .withNamespaced("Namespaced".equals(doc.path("spec").path("scope").asText())).build());
        }
    }

    /** Every GET of {@code path} answers 403 with a Kubernetes Status carrying {@code message}, as RBAC denies it. */
    public void forbid(String path, String message) {
        server.expect().get().withPath(path).andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                + "\"status\":\"Failure\",\"code\":403,\"message\":\"" + message + "\"}").always();
    }

    /** Creates one object (custom or core) and returns it as the server stored it (with its uid). */
    public ObjectNode create(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        GenericKubernetesResource r = client.getKubernetesSerialization()
                .unmarshal(object.toString(), GenericKubernetesResource.class);
        String ns = object.path("metadata").path("namespace").asText("");
        GenericKubernetesResource created;
        if (apiVersion.equals("v1")) {
            created = client.genericKubernetesResources("v1", kind).inNamespace(ns).resource(r).create();
        } else {
            ResourceDefinitionContext ctx = contexts.get(apiVersion + "/" + kind);
            if (ctx == null) {
                throw new IllegalArgumentException("no CRD for " + apiVersion + " " + kind);
            }
            created = ctx.isNamespaceScoped()
                    ? client.genericKubernetesResources(ctx).inNamespace(ns).resource(r).create()
                    : client.genericKubernetesResources(ctx).resource(r).create();
        }
        try {
            return (ObjectNode) Yaml.JSON.readTree(client.getKubernetesSerialization().asJson(created));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts one custom object straight into the CRUD store, as the server's POST handler would (uid,
     * creationTimestamp, resourceVersion, generation; status dropped where the CRD has a status subresource),
     * without an HTTP round trip or the handler's existence check, which scans the whole store: seeding tens
     * of thousands of objects this way takes seconds instead of minutes. Lists, paging and label selectors then
     * serve the object exactly as if it had been created through the API. Returns the object as stored.
     */
    public ObjectNode store(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        ResourceDefinitionContext ctx = contexts.get(apiVersion + "/" + kind);
        if (ctx == null) {
            throw new IllegalArgumentException("no CRD for " + apiVersion + " " + kind);
        }
        ObjectNode o = ((ObjectNode) object).deepCopy();
        ObjectNode md = o.with("metadata");
        String name = md.path("name").asText("");
        String ns = md.path("namespace").asText("");
        if (name.isEmpty() || ctx.isNamespaceScoped() == ns.isEmpty()) {
            throw new IllegalArgumentException(kind + " " + name + ": name and namespace must match the CRD's scope");
        }
        String collection = "/apis/" + ctx.getGroup() + "/" + ctx.getVersion()
                + (ctx.isNamespaceScoped() ? "/namespaces/" + ns : "") + "/" + ctx.getPlural();
        if (!stored.add(collection + "/" + name)) {
            throw new IllegalArgumentException(kind + " '" + name + "' already exists");
        }
        KubernetesCrudDispatcher crud = dispatcher.crud;
        md.put("uid", UUID.randomUUID().toString());
        md.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        md.put("resourceVersion", String.valueOf(crud.requestResourceVersion()));
        md.put("generation", 1);
        if (crud.isStatusSubresourceEnabledForResource(collection)) {
            o.remove("status");
        }
        String json = o.toString();
        GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(json, GenericKubernetesResource.class);
        AttributeSet key = crud.getKey(collection).add(new Attribute("name", name));
        crud.processEvent(collection, key, null, r, json);
        return o;
    }

    void applyAll(String fixture) {
        for (JsonNode doc : docs(read(fixture))) {
            create(doc);
        }
    }

    /** Writes a kubeconfig pointing at this server with one context, "mock". */
    public Path kubeconfig(Path dir) throws IOException {
        Path f = dir.resolve("kubeconfig");
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: mock
                current-context: mock
                users:
                - name: mock
                  user:
                    token: not-a-real-token
                """.formatted(url()));
        return f;
    }

    static String read(String fixture) {
        try (InputStream in = MockCluster.class.getResourceAsStream("/inventory/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> docs(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        try (var it = Yaml.YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && n.isObject() && n.size() > 0) {
                    out.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
