package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scan keeps of an MR for the per-AKS-cluster Cluster API (CAPZ) readiness: an upjet KubernetesCluster or
 * KubernetesClusterNodePool, or any MR that points at an AKS cluster (an ARM ID of a managed cluster in its
 * parameters, or a reference to a KubernetesCluster MR: extensions, trusted access bindings, backups, role
 * assignments scoped to the cluster...). {@code pools} are the pools the MR stands for (a cluster's default pool,
 * a node pool itself); {@code azureId} is the MR's own ARM ID when observed.
 */
public record AksFacts(ObjectRef ref, String compositeLabel, String azureId, List<String> clusterIds,
                       List<String> clusterRefs, List<Pool> pools) {
    static final Set<String> GROUPS = Set.of("containerservice.azure.upbound.io", "containerservice.azure.m.upbound.io");
    static final String CLUSTER = "KubernetesCluster";
    static final String NODE_POOL = "KubernetesClusterNodePool";
    private static final String MANAGED_CLUSTERS = "/providers/microsoft.containerservice/managedclusters/";
    /** Reference fields that name a KubernetesCluster MR (upjet's generated references to a cluster). */
    private static final Set<String> CLUSTER_REF_FIELDS = Set.of("kubernetesClusterIdRef", "clusterIdRef");

    /** One node pool: its name in Azure, the node count Azure reports (else the spec's; null: unknown), autoscaling. */
    public record Pool(String name, Long nodeCount, boolean autoscaled) {
    }

    public AksFacts {
        clusterIds = List.copyOf(clusterIds);
        clusterRefs = List.copyOf(clusterRefs);
        pools = List.copyOf(pools);
    }

    public boolean isCluster() {
        return isKind(CLUSTER);
    }

    public boolean isNodePool() {
        return isKind(NODE_POOL);
    }

    private boolean isKind(String kind) {
        return ref.kind().equals(kind) && GROUPS.contains(ref.group());
    }

    /** The facts of an MR, or null when it neither is an AKS cluster or node pool nor points at one. */
    static AksFacts of(JsonNode mr, ObjectRef ref, String compositeLabel) {
        JsonNode forProvider = mr.path("spec").path("forProvider");
        JsonNode atProvider = mr.path("status").path("atProvider");
        boolean aks = GROUPS.contains(ref.group()) && (ref.kind().equals(CLUSTER) || ref.kind().equals(NODE_POOL));
        String id = Text.clean(atProvider.path("id").asText(""));
        Set<String> ids = new TreeSet<>();
        clusterIds(forProvider, ids);
        clusterIds(atProvider, ids);
        if (aks && ref.kind().equals(CLUSTER)) {
            ids.remove(clusterId(id));
        }
        Set<String> refs = new TreeSet<>();
        for (String field : CLUSTER_REF_FIELDS) {
            String name = forProvider.path(field).path("name").asText("");
            if (!name.isEmpty()) {
                refs.add(Text.clean(name));
            }
        }
        if (!aks && ids.isEmpty() && refs.isEmpty()) {
            return null;
        }
        List<Pool> pools = new ArrayList<>();
        if (aks && ref.kind().equals(CLUSTER)) {
            JsonNode desired = forProvider.path("defaultNodePool");
            JsonNode observed = atProvider.path("defaultNodePool");
            // v1beta1 kinds hold the default pool as a one-item list.
            desired = desired.isArray() ? desired.path(0) : desired;
            observed = observed.isArray() ? observed.path(0) : observed;
            if (desired.isObject() || observed.isObject()) {
                pools.add(pool(desired.path("name").asText(observed.path("name").asText("")), desired, observed));
            }
        } else if (aks) {
            String name = mr.path("metadata").path("annotations").path("crossplane.io/external-name")
                    .asText(ref.name());
            pools.add(pool(name, forProvider, atProvider));
        }
        return new AksFacts(ref, compositeLabel, id, new ArrayList<>(ids), new ArrayList<>(refs), pools);
    }

    private static Pool pool(String name, JsonNode desired, JsonNode observed) {
        JsonNode count = observed.path("nodeCount").isNumber() ? observed.path("nodeCount") : desired.path("nodeCount");
        // Current field name first, then the older provider's (upbound/provider-azure: enableAutoScaling).
        boolean autoscaled = desired.path("autoScalingEnabled").asBoolean(desired.path("enableAutoScaling").asBoolean(false));
        return new Pool(Text.clean(name), count.isNumber() ? Long.valueOf(count.asLong()) : null, autoscaled);
    }

    /** Every AKS cluster ARM ID a value mentions (lower case, cut after the cluster's name). */
    private static void clusterIds(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            String id = clusterId(node.asText());
            if (!id.isEmpty()) {
                out.add(id);
            }
        } else {
            // An object's values or an array's items.
            node.forEach(n -> clusterIds(n, out));
        }
    }

    /** The managed cluster's ARM ID in a text (lower case), or "" when it names none. */
    static String clusterId(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(MANAGED_CLUSTERS);
        if (!lower.startsWith("/subscriptions/") || at < 0) {
            return "";
        }
        int end = lower.indexOf('/', at + MANAGED_CLUSTERS.length());
        return Text.clean(end < 0 ? lower : lower.substring(0, end));
    }
}
