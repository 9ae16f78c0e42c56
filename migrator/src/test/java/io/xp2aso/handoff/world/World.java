package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.exec.Cluster;
import io.xp2aso.handoff.exec.ClusterException;
import io.xp2aso.handoff.exec.Fabric8Cluster;
import io.xp2aso.handoff.exec.Ticker;
import io.xp2aso.source.Yaml;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A cluster (fabric8 mock API server in CRUD mode on loopback), Azure in memory, and emulated controllers: the
 * Crossplane provider, composite and claim reconcilers, Kubernetes garbage collection, ASO and Argo CD. Time is
 * fake: it advances only when the executor sleeps between polls, and each sleep runs one round of every controller,
 * so runs are deterministic. After every round the invariants are checked and violations recorded.
 */
public final class World implements AutoCloseable {
    public static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";

    public record Kind(String apiVersion, String kind, String plural, boolean namespaced) {
        ObjectRef ref(String namespace, String name) {
            return new ObjectRef(apiVersion, kind, namespaced ? namespace : "", name);
        }
    }

    final FaultyDispatcher dispatcher = new FaultyDispatcher();
    private final KubernetesMockServer server;
    private final KubernetesClient controllerClient;
    private final KubernetesClient executorClient;
    final Cluster api;
    public final FakeAzure azure = new FakeAzure();
    /** The subscription ASO's credential names: where it puts resource groups (the fixtures' unless a snapshot says). */
    public String subscription = SUB;
    final List<Kind> kinds = new ArrayList<>();
    final Set<String> managedKinds = new LinkedHashSet<>();
    final Set<String> asoKinds = new LinkedHashSet<>();
    final CrossplaneEmulator crossplane = new CrossplaneEmulator(this);
    final AsoEmulator aso = new AsoEmulator(this);
    /** Cluster API and CAPZ, for units migrated with --aks-target capz (idle until their CRDs are installed). */
    public final CapzEmulator capz = new CapzEmulator(this);
    /** Azure operations that take rounds (upjet applies, ASO PUTs); immediate unless set. */
    public final AsyncOperations async = new AsyncOperations(this);
    public final ArgoEmulator argo = new ArgoEmulator(this);
    public final FluxEmulator flux = new FluxEmulator(this);
    /** Workloads reading connection Secrets. */
    public final SecretConsumers consumers = new SecretConsumers(this);
    final List<String> violations = new ArrayList<>();
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private Duration elapsed = Duration.ZERO;
    public long tick;

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    public World() {
        this(false);
    }

    /**
     * {@code inProcess}: the same CRUD server called in process ({@link DirectCluster}: no loopback server, no HTTP
     * client), for the benchmark's thousands of one-unit worlds. Such a world has no kubeconfig.
     */
    public World(boolean inProcess) {
        if (inProcess) {
            server = null;
            controllerClient = null;
            executorClient = null;
            api = new DirectCluster(dispatcher, "controllers");
            return;
        }
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        controllerClient = client("controllers");
        executorClient = client(FaultyDispatcher.EXECUTOR_AGENT);
        api = new Fabric8Cluster(controllerClient);
    }

    private KubernetesClient client(String agent) {
        Config c = Config.empty();
        c.setMasterUrl(server.url("/"));
        c.setUserAgent(agent);
        c.setNamespace("default");
        c.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(c)
                .withHttpClientFactory(new io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory()).build();
    }

    /** The executor's view of the cluster: its requests carry the executor user agent (faults target them). */
    public Cluster executorCluster() {
        return writeHooks.wrap(executorClient == null ? new DirectCluster(dispatcher, FaultyDispatcher.EXECUTOR_AGENT)
                : new Fabric8Cluster(executorClient));
    }

    /** Acts between the executor's writes (see {@link WriteHooks}). */
    public final WriteHooks writeHooks = new WriteHooks();

    public FaultyDispatcher dispatcher() {
        return dispatcher;
    }

    public String kubeconfigYaml() {
        if (server == null) {
            throw new IllegalStateException("an in-process world has no API server to point a kubeconfig at");
        }
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: " + server.url("/")
                + "\ncontexts:\n- name: mock\n  context:\n    cluster: mock\n    user: mock\n    namespace: default\n"
                + "current-context: mock\nusers:\n- name: mock\n  user:\n    token: test\n";
    }

    public Instant now() {
        return start.plus(elapsed);
    }

    public Ticker ticker() {
        return new Ticker() {
            @Override
            public Instant now() {
                return World.this.now();
            }

            @Override
            public void sleep(Duration d) {
                elapsed = elapsed.plus(d);
                round();
            }
        };
    }

    /** Installs a CRD for a kind. {@code role}: "managed", "aso" or "" (claims, XRs, others). */
    public Kind install(String apiVersion, String kind, String plural, boolean namespaced, String role) {
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        ObjectNode crd = Yaml.JSON.createObjectNode();
        crd.put("apiVersion", "apiextensions.k8s.io/v1").put("kind", "CustomResourceDefinition");
        crd.putObject("metadata").put("name", plural + "." + group);
        ObjectNode spec = crd.putObject("spec");
        spec.put("group", group).put("scope", namespaced ? "Namespaced" : "Cluster");
        spec.putObject("names").put("kind", kind).put("plural", plural).put("singular", kind.toLowerCase());
        spec.putArray("versions").addObject().put("name", version).put("served", true).put("storage", true);
        api.create(crd);
        Kind k = new Kind(apiVersion, kind, plural, namespaced);
        kinds.add(k);
        if (role.equals("managed")) {
            managedKinds.add(apiVersion + "/" + kind);
        } else if (role.equals("aso")) {
            asoKinds.add(apiVersion + "/" + kind);
        }
        return k;
    }

    public void uninstall(String group, String plural) {
        api.delete(new ObjectRef("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", plural + "." + group));
    }

    /**
     * A delete as Kubernetes controllers and kubectl issue it by default: background propagation, so garbage
     * collection deletes the dependents. (The executor's {@link Cluster} always orphans them.)
     */
    public void deleteBackground(ObjectRef ref) {
        if (api instanceof DirectCluster direct) {
            direct.delete(ref, "Background");
            return;
        }
        Kind k = kinds.stream().filter(x -> x.apiVersion().equals(ref.apiVersion()) && x.kind().equals(ref.kind()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("kind not installed: " + ref));
        ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder().withGroup(ref.group())
                .withVersion(ref.version()).withKind(ref.kind()).withPlural(k.plural()).withNamespaced(k.namespaced()).build();
        var op = controllerClient.genericKubernetesResources(ctx);
        (k.namespaced() ? op.inNamespace(ref.namespace()) : op).withName(ref.name())
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }

    public ObjectNode create(ObjectNode obj) {
        return api.create(obj);
    }

    /** Deletes an object as a person or another tool would (no controller of the world involved). */
    public void delete(ObjectRef ref) {
        api.delete(ref);
    }

    /** Someone changes a live object (a person, a tool the world does not model). */
    public void edit(ObjectRef ref, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode o = get(ref).orElseThrow();
        change.accept(o);
        if (!update(o)) {
            throw new IllegalStateException("could not update " + ref.display());
        }
    }

    public java.util.Optional<ObjectNode> get(ObjectRef ref) {
        return api.get(ref);
    }

    /** Listed once per round, like a controller's informer cache; null outside a round. */
    private java.util.Map<Kind, List<ObjectNode>> cache;

    List<ObjectNode> all(Kind k) {
        if (cache != null) {
            return cache.computeIfAbsent(k, x -> api.list(x.apiVersion(), x.kind(), ""));
        }
        return api.list(k.apiVersion(), k.kind(), "");
    }

    List<ObjectNode> allOfRole(Set<String> role) {
        List<ObjectNode> out = new ArrayList<>();
        for (Kind k : kinds) {
            if (role.contains(k.apiVersion() + "/" + k.kind())) {
                out.addAll(all(k));
            }
        }
        return out;
    }

    /** A controller's create; "already exists" (from a stale cache) is left for the next round. */
    void createQuietly(ObjectNode obj) {
        try {
            api.create(obj);
        } catch (ClusterException e) {
            if (e.kind() != ClusterException.Kind.CONFLICT) {
                throw e;
            }
        }
    }

    /** Writes a controller's change; a conflict means the object moved on, and the controller retries next round. */
    boolean update(ObjectNode obj) {
        try {
            api.update(obj);
            return true;
        } catch (ClusterException e) {
            // From a stale cache: the object changed or went away; the controller tries again next round.
            if (e.kind() == ClusterException.Kind.CONFLICT || e.getMessage().contains("HTTP 404")) {
                return false;
            }
            throw e;
        }
    }

    /** One round of every controller, then the invariants. */
    public void round() {
        tick++;
        azure.setTick(tick);
        cache = new HashMap<>();
        try {
            async.finishDue();
            argo.reconcile();
            flux.reconcile();
            crossplane.reconcile();
            capz.reconcile();
            aso.reconcile();
            Secrets.collect(this);
        } finally {
            cache = null;
        }
        checkInvariants();
    }

    /** One round at time {@code t} of a clock shared by several worlds (the benchmark's); never backwards. */
    public void roundAt(Instant t) {
        Duration e = Duration.between(start, t);
        if (e.compareTo(elapsed) > 0) {
            elapsed = e;
        }
        round();
    }

    public void rounds(int n) {
        for (int i = 0; i < n; i++) {
            elapsed = elapsed.plus(Duration.ofSeconds(5));
            round();
        }
    }

    private void checkInvariants() {
        consumers.check();
        java.util.Map<String, List<String>> xp = crossplane.writers(allOfRole(managedKinds));
        java.util.Map<String, List<String>> as = aso.writers(allOfRole(asoKinds));
        // An operation in flight writes Azure whatever its sender's policy is now.
        async.runningIds("crossplane").forEach(id -> xp.computeIfAbsent(id, k -> new ArrayList<>()).add("an apply in flight"));
        async.runningIds("aso").forEach(id -> as.computeIfAbsent(id, k -> new ArrayList<>()).add("a PUT in flight"));
        for (java.util.Map.Entry<String, List<String>> e : xp.entrySet()) {
            if (as.containsKey(e.getKey())) {
                violation("both managers may write " + e.getKey() + ": Crossplane " + e.getValue() + " and ASO "
                        + as.get(e.getKey()));
            }
        }
    }

    void violation(String v) {
        String line = "tick " + tick + ": " + v;
        if (!violations.contains(line) && violations.stream().noneMatch(x -> x.endsWith(": " + v))) {
            violations.add(line);
        }
    }

    /** Every violation: recorded during the rounds, plus Azure deletes, creations and writes after ASO took over. */
    public List<String> violations() {
        List<String> out = new ArrayList<>(violations);
        Set<String> asoWrote = new LinkedHashSet<>();
        for (FakeAzure.Op op : azure.log()) {
            if (op.method().equals("DELETE")) {
                out.add("tick " + op.tick() + ": DELETE reached Azure: " + op.id() + " by " + op.writer());
            } else if (op.created()) {
                out.add("tick " + op.tick() + ": resource created in Azure: " + op.id() + " by " + op.writer());
            }
            if (op.writer().equals("aso")) {
                asoWrote.add(op.id().toLowerCase());
            } else if (asoWrote.contains(op.id().toLowerCase())) {
                out.add("tick " + op.tick() + ": Crossplane wrote " + op.id() + " after ASO took it over");
            }
        }
        return out;
    }

    static String text(JsonNode n, String path) {
        JsonNode cur = n;
        for (String p : path.split("\\.")) {
            cur = cur.path(p);
        }
        return cur.asText("");
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        executorClient.close();
        controllerClient.close();
        server.destroy();
    }
}
