package io.xp2aso.capz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.K8sNames;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code migrate --aks-target capz}: every upjet KubernetesCluster (cluster-scoped or v2 namespaced group) and the
 * KubernetesClusterNodePools of it become a Cluster API cluster, after mapping and from the mapped ASO objects, so
 * the ASO objects CAPZ embeds are exactly those {@code --aks-target aso} writes:
 * <ul>
 *   <li>the cluster MR: a CAPI Cluster, an AzureASOManagedCluster (no resources: the ResourceGroup stays a plain ASO
 *       object, so deleting the CAPI Cluster can never delete a resource group that holds more than the cluster)
 *       and an AzureASOManagedControlPlane holding the ManagedCluster; each of its agentPoolProfiles (the default
 *       node pool) becomes a MachinePool and an AzureASOManagedMachinePool holding a ManagedClustersAgentPool with
 *       the same fields, because CAPZ rejects a ManagedCluster with agentPoolProfiles (pools come from
 *       AzureASOManagedMachinePools) and its adoption controller moves them out the same way;</li>
 *   <li>each node pool MR whose ManagedCluster is converted: a MachinePool and an AzureASOManagedMachinePool;</li>
 *   <li>everything else stays plain ASO; objects the ManagedCluster owns besides its pools (extensions,
 *       maintenance configurations...) are reported, as CAPZ records only the cluster and its pools.</li>
 * </ul>
 * A pool's count moves to the MachinePool's replicas (CAPZ sets the pool's count from them); an autoscaled pool is
 * marked as CAPZ does (replicas managed by aks), so CAPZ leaves its count to the AKS autoscaler.
 */
public final class CapzMapping {
    static final String ASO_CONTAINER_GROUP = "containerservice.azure.com";
    static final String MANAGED_CLUSTER = "ManagedCluster";
    static final String AGENT_POOL = "ManagedClustersAgentPool";
    private static final List<String> UPJET_GROUPS =
            List.of("containerservice.azure.upbound.io", "containerservice.azure.m.upbound.io");

    private CapzMapping() {
    }

    public static MappingResult apply(MappingResult mapped) {
        // namespace/name of every ManagedCluster that becomes a CAPI cluster, anywhere in the estate.
        Map<String, String> clusters = new LinkedHashMap<>();
        for (MappedUnit mu : mapped.units()) {
            for (MappedResource mr : mu.resources()) {
                if (isUpjet(mr.source(), "KubernetesCluster")) {
                    for (ObjectNode t : mr.targets()) {
                        if (isAso(t, MANAGED_CLUSTER)) {
                            clusters.put(key(namespace(t), name(t)), name(t));
                        }
                    }
                }
            }
        }
        if (clusters.isEmpty()) {
            return mapped;
        }
        List<MappedUnit> units = new ArrayList<>(mapped.units().size());
        for (MappedUnit mu : mapped.units()) {
            List<MappedResource> out = new ArrayList<>(mu.resources().size());
            for (MappedResource mr : mu.resources()) {
                out.add(convert(mr, clusters));
            }
            units.add(new MappedUnit(mu.unit(), out));
        }
        return new MappingResult(units, mapped.findings());
    }

    private static MappedResource convert(MappedResource mr, Map<String, String> clusters) {
        List<ObjectNode> targets = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(mr.findings());
        boolean cluster = isUpjet(mr.source(), "KubernetesCluster");
        boolean pool = isUpjet(mr.source(), "KubernetesClusterNodePool");
        for (ObjectNode t : mr.targets()) {
            if (cluster && isAso(t, MANAGED_CLUSTER)) {
                targets.addAll(fromCluster(mr, t, findings));
            } else if (pool && isAso(t, AGENT_POOL) && clusters.containsKey(key(namespace(t), ownerName(t)))) {
                targets.addAll(fromPool(mr, t, findings));
            } else {
                targets.add(t);
                if (clusters.containsKey(key(namespace(t), ownerName(t)))) {
                    findings.add(Finding.info("capz-stays-aso", kindName(t) + " belongs to ManagedCluster "
                            + ownerName(t) + " but stays a plain ASO object: CAPZ records only the ManagedCluster, its "
                            + "ResourceGroup and agent pools in its objects", mr.source().origin(), subject(mr)));
                } else if (pool && isAso(t, AGENT_POOL)) {
                    findings.add(Finding.info("capz-stays-aso", kindName(t) + " stays a plain ASO object: its "
                            + "ManagedCluster is not part of this migration (owned by ARM ID), so there is no CAPI "
                            + "Cluster for a MachinePool", mr.source().origin(), subject(mr)));
                }
            }
        }
        return new MappedResource(mr.source(), targets, mr.unmapped(), findings);
    }

    private static List<ObjectNode> fromCluster(MappedResource mr, ObjectNode mc, List<Finding> findings) {
        String ns = namespace(mc);
        String name = name(mc);
        ObjectNode embedded = CapzObjects.embedded(mc);
        JsonNode profiles = ((ObjectNode) embedded.get("spec")).remove("agentPoolProfiles");
        String kubeconfig = name + "-kubeconfig";
        JsonNode secrets = mc.path("spec").path("operatorSpec").path("secrets");
        for (String s : List.of("userCredentials", "adminCredentials")) {
            if (kubeconfig.equals(secrets.path(s).path("name").asText())) {
                findings.add(Finding.error("capz-kubeconfig-secret", "ManagedCluster " + name + " writes its " + s
                        + " into Secret " + ns + "/" + kubeconfig + ", which Cluster API keeps for itself (CAPZ would "
                        + "overwrite it); rename the connection Secret", mr.source().origin(), subject(mr)));
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        out.add(CapzObjects.cluster(ns, name, mc));
        out.add(CapzObjects.asoManaged(CapzObjects.ASO_MANAGED_CLUSTER, ns, name, mc, List.of()));
        out.add(CapzObjects.asoManaged(CapzObjects.ASO_MANAGED_CONTROL_PLANE, ns, name, mc, List.of(embedded)));
        List<String> pools = new ArrayList<>();
        if (profiles instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                ObjectNode profile = (ObjectNode) list.get(i).deepCopy();
                String poolName = profile.path("name").asText("");
                ObjectNode agentPool = agentPool(mc, profile, K8sNames.dns1123(name + "-" + poolName));
                Long observed = observedCount(mr.source(), "defaultNodePool", i);
                out.addAll(pool(mr, agentPool, name, observed, findings));
                pools.add(poolName);
            }
        }
        findings.add(Finding.info("capz-cluster", "ManagedCluster " + ns + "/" + name + " becomes CAPI Cluster " + name
                + " (AzureASOManagedControlPlane holding the ManagedCluster"
                + (pools.isEmpty() ? "" : "; its agentPoolProfiles " + pools + " become MachinePools, as CAPZ requires")
                + "); prerequisite: the ASO credential Secret " + ns + "/" + CapzObjects.CREDENTIAL_SECRET
                + " named by " + CapzObjects.CREDENTIAL_FROM + " (xp2aso never writes it)", mr.source().origin(),
                subject(mr)));
        return out;
    }

    private static List<ObjectNode> fromPool(MappedResource mr, ObjectNode agentPool, List<Finding> findings) {
        return pool(mr, agentPool, ownerName(agentPool), observedCount(mr.source(), null, 0), findings);
    }

    /** MachinePool + AzureASOManagedMachinePool of one ASO agent pool; its count becomes the MachinePool's replicas. */
    private static List<ObjectNode> pool(MappedResource mr, ObjectNode agentPool, String clusterName, Long observedCount,
                                         List<Finding> findings) {
        String ns = namespace(agentPool);
        String name = name(agentPool);
        ObjectNode embedded = CapzObjects.embedded(agentPool);
        JsonNode count = ((ObjectNode) embedded.get("spec")).remove("count");
        boolean autoscaled = agentPool.path("spec").path("enableAutoScaling").asBoolean(false);
        Long spec = count != null && count.canConvertToLong() ? Long.valueOf(count.asLong()) : null;
        // The AKS autoscaler owns an autoscaled pool's count: the count Azure has is the truth, the spec only a seed.
        Long replicas = autoscaled && observedCount != null ? observedCount : spec != null ? spec : observedCount;
        if (replicas == null && !autoscaled) {
            findings.add(Finding.error("capz-replicas-unknown", "the node count of pool " + name + " is not known (not "
                    + "in the MR's spec, and no observed state): Cluster API would default the MachinePool to 1 replica "
                    + "and CAPZ would resize the pool; set nodeCount, or migrate with --observed",
                    mr.source().origin(), subject(mr)));
        }
        return List.of(CapzObjects.machinePool(ns, name, clusterName, agentPool, replicas, autoscaled),
                CapzObjects.asoManaged(CapzObjects.ASO_MANAGED_MACHINE_POOL, ns, name, agentPool, List.of(embedded)));
    }

    /** A ManagedClustersAgentPool with the fields of an agentPoolProfiles entry; its name becomes the azureName. */
    private static ObjectNode agentPool(ObjectNode mc, ObjectNode profile, String k8sName) {
        ObjectNode ap = mc.objectNode();
        ap.put("apiVersion", mc.path("apiVersion").asText());
        ap.put("kind", AGENT_POOL);
        ObjectNode meta = mc.path("metadata").deepCopy();
        meta.put("name", k8sName);
        ap.set("metadata", meta);
        ObjectNode spec = ap.putObject("spec");
        spec.put("azureName", profile.path("name").asText());
        spec.putObject("owner").put("name", name(mc));
        profile.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("name")) {
                spec.set(e.getKey(), e.getValue());
            }
        });
        return ap;
    }

    /** The node count Azure reports for a pool (the MR's observed atProvider), when known. */
    private static Long observedCount(ComposedResource r, String poolField, int index) {
        if (r.observed() == null) {
            return null;
        }
        JsonNode at = r.observed().node().path("status").path("atProvider");
        if (poolField != null) {
            at = at.path(poolField);
            at = at.isArray() ? at.path(index) : index == 0 ? at : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode n = at.path("nodeCount");
        return n.isNumber() ? Long.valueOf(n.asLong()) : null;
    }

    private static boolean isUpjet(ComposedResource r, String kind) {
        String apiVersion = r.object().path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        return kind.equals(r.object().path("kind").asText()) && slash > 0
                && UPJET_GROUPS.contains(apiVersion.substring(0, slash));
    }

    static boolean isAso(JsonNode t, String kind) {
        return kind.equals(t.path("kind").asText()) && t.path("apiVersion").asText("").startsWith(ASO_CONTAINER_GROUP + "/");
    }

    private static String ownerName(JsonNode t) {
        return t.path("spec").path("owner").path("name").asText("");
    }

    private static String name(JsonNode t) {
        return t.path("metadata").path("name").asText("");
    }

    private static String namespace(JsonNode t) {
        return t.path("metadata").path("namespace").asText("");
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private static String kindName(JsonNode t) {
        return t.path("kind").asText() + " " + namespace(t) + "/" + name(t);
    }

    private static String subject(MappedResource mr) {
        JsonNode o = mr.source().object();
        return o.path("kind").asText() + " " + o.path("metadata").path("name").asText("");
    }
}
