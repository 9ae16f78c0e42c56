package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the live Crossplane objects migrate needs from a cluster, whole (status included): XRDs, Compositions,
 * EnvironmentConfigs, claims, XRs and managed resources, each with origin
 * {@code cluster:CONTEXT/APIVERSION/KIND/[NS/]NAME}; and the schemas of the ASO versions a migration may write.
 * Unlike a scan, a kind that cannot be listed is an error: a migration must not silently lack the external
 * names and Azure IDs of the objects it could not see; only MR kinds of non-Azure providers may be skipped.
 * Secrets are never read. Argo CD's settings (ConfigMap argocd/argocd-cm) are read when allowed, for the one key the
 * handoff plan needs: a custom instance label by which Argo CD tracks claims.
 */
public final class LiveObjects {
    private static final Set<ObjectKind> ROLES = Set.of(ObjectKind.XRD, ObjectKind.COMPOSITION,
            ObjectKind.ENVIRONMENT_CONFIG, ObjectKind.CLAIM, ObjectKind.COMPOSITE, ObjectKind.MANAGED);

    private LiveObjects() {
    }

    /**
     * The objects, which ASO kinds and versions the cluster serves, and the served ASO CRDs that were asked for
     * (trimmed to the asked versions); {@code context} names the cluster in origins.
     */
    public record LiveState(List<Manifest> objects, AsoInstallation aso, List<JsonNode> asoCrds, String context,
                            Optional<Manifest> argoSettings) {
        public LiveState {
            objects = List.copyOf(objects);
            asoCrds = List.copyOf(asoCrds);
        }
    }

    /**
     * @param asoSchemas per ASO "group/Kind", the versions whose served schema to keep (the versions the mapping
     *                   catalog can write); read from the same CRD listing, so no extra permission is needed
     */
    public static LiveState read(KubernetesClient client, long pageSize, PrintWriter progress,
                                 Map<String, Set<String>> asoSchemas) {
        PagedLister lister = new PagedLister(client, pageSize, progress);
        KindDiscovery discovery = new KindDiscovery();
        AsoSchemas schemas = new AsoSchemas(asoSchemas);
        fail(lister.list(KindDiscovery.CRDS, null, null, crd -> {
            discovery.accept(crd);
            schemas.accept(crd);
        }));
        String context = contextName(client);
        List<Manifest> objects = new ArrayList<>();
        for (ClusterKind kind : discovery.kinds()) {
            if (!ROLES.contains(kind.role())) {
                continue;
            }
            PagedLister.Result r = lister.list(kind, null, null, o -> objects.add(manifest(o, context)));
            if (r.failure() != null && kind.role() == ObjectKind.MANAGED && !Estate.isAzureGroup(kind.group())) {
                // Non-Azure MRs (provider-kubernetes, -helm, ...) never become ASO resources: their absence is noted.
                progress.printf("xp2aso migrate: %s: not listed (%d), not an Azure kind: skipped%n", kind.resource(),
                        r.failure().status());
                continue;
            }
            fail(r);
            progress.printf("xp2aso migrate: %s: %d from the cluster%n", kind.resource(), r.count());
            progress.flush();
        }
        return new LiveState(objects, discovery.aso(), schemas.kept(), context, ArgoSettings.read(client, context, progress));
    }

    /** The kubeconfig context in use, or "in-cluster" when there is none (service account). */
    private static String contextName(KubernetesClient client) {
        var current = client.getConfiguration().getCurrentContext();
        return current == null || current.getName() == null || current.getName().isEmpty() ? "in-cluster"
                : current.getName();
    }

    private static void fail(PagedLister.Result r) {
        UnlistedKind u = r.failure();
        if (u != null) {
            throw new ClusterException("cluster:" + u.resource(), "cannot list " + u.resource() + " ("
                    + u.status() + (u.denied() ? " forbidden" : "") + "): " + u.message(), null);
        }
    }

    /**
     * Drops what only bloats memory and output: server-side-apply bookkeeping (the field sets; who wrote the object,
     * the field manager and its operation, stays for the handoff plan's writer checks) and kubectl's last-applied copy.
     */
    private static Manifest manifest(JsonNode o, String context) {
        ObjectNode node = (ObjectNode) o;
        JsonNode md = node.get("metadata");
        if (md instanceof ObjectNode m) {
            if (m.get("managedFields") instanceof ArrayNode fields) {
                for (JsonNode f : fields) {
                    if (f instanceof ObjectNode entry) {
                        entry.retain("manager", "operation");
                    }
                }
            }
            if (m.get("annotations") instanceof ObjectNode a) {
                a.remove("kubectl.kubernetes.io/last-applied-configuration");
            }
        }
        return new Manifest(node, Origin.cluster(context, node.path("apiVersion").asText(""), node.path("kind").asText(""),
                node.path("metadata").path("namespace").asText(""), node.path("metadata").path("name").asText("")));
    }
}
