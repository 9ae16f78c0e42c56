package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster API with CAPZ's AzureASOManaged* controllers, as far as the CAPZ handoff depends on them
 * (cluster-api-provider-azure: controllers/resource_reconciler.go, pkg/mutators):
 * <ul>
 * <li>an AzureASOManagedControlPlane whose Cluster exists, and an AzureASOManagedMachinePool whose MachinePool (and its
 * Cluster) exist, apply each embedded ASO object in their namespace (server-side apply with force: the fields and
 * annotations it sets win, others stay) and take control of it (controller owner reference); a ManagedCluster with
 * agentPoolProfiles is refused, as CAPZ's mutator does;</li>
 * <li>an agent pool's count is the MachinePool's replicas, except for an autoscaled MachinePool
 * (replicas-managed-by aks) whose pool already reports a count;</li>
 * <li>status: the control plane is ready when its ManagedCluster is Ready, the Cluster reports controlPlaneReady, a
 * MachinePool's status.replicas is its agent pool's status.count;</li>
 * <li>a Cluster deleted takes its CAPZ objects and MachinePools with it; an ASO object whose controlling CAPZ object
 * is gone is deleted (what ASO then does to Azure depends on its reconcile-policy).</li>
 * </ul>
 */
public final class CapzEmulator {
    static final String CAPI = "cluster.x-k8s.io/v1beta1";
    static final String CAPZ = "infrastructure.cluster.x-k8s.io/v1beta1";

    private final World world;

    CapzEmulator(World world) {
        this.world = world;
    }

    /** Installs the CRDs of the Cluster API and CAPZ kinds the handoff uses. */
    public void install() {
        world.install(CAPI, "Cluster", "clusters", true, "");
        world.install(CAPI, "MachinePool", "machinepools", true, "");
        world.install(CAPZ, "AzureASOManagedCluster", "azureasomanagedclusters", true, "");
        world.install(CAPZ, "AzureASOManagedControlPlane", "azureasomanagedcontrolplanes", true, "");
        world.install(CAPZ, "AzureASOManagedMachinePool", "azureasomanagedmachinepools", true, "");
    }

    private Optional<World.Kind> kind(String apiVersion, String kind) {
        return world.kinds.stream().filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind)).findFirst();
    }

    private List<ObjectNode> list(String apiVersion, String kind) {
        return kind(apiVersion, kind).map(world::all).orElse(List.of());
    }

    void reconcile() {
        if (kind(CAPI, "Cluster").isEmpty()) {
            return;
        }
        List<ObjectNode> clusters = list(CAPI, "Cluster");
        List<ObjectNode> pools = list(CAPI, "MachinePool");
        for (ObjectNode cp : list(CAPZ, "AzureASOManagedControlPlane")) {
            Optional<ObjectNode> cluster = named(clusters, ns(cp), name(cp));
            if (cluster.isEmpty()) {
                world.api.delete(ObjectRef.of(cp));
                continue;
            }
            JsonNode mc = cp.path("spec").path("resources").path(0);
            if (mc.path("spec").has("agentPoolProfiles")) {
                continue;
            }
            Optional<ObjectNode> live = apply(cp, (ObjectNode) mc, null);
            boolean ready = live.isPresent() && readyTrue(live.get());
            setStatus(cp, "ready", ready);
            setStatus(cluster.get(), "controlPlaneReady", ready);
        }
        for (ObjectNode ac : list(CAPZ, "AzureASOManagedCluster")) {
            if (named(clusters, ns(ac), name(ac)).isEmpty()) {
                world.api.delete(ObjectRef.of(ac));
            }
        }
        for (ObjectNode mp : pools) {
            if (named(clusters, ns(mp), mp.path("spec").path("clusterName").asText()).isEmpty()) {
                world.api.delete(ObjectRef.of(mp));
            }
        }
        for (ObjectNode amp : list(CAPZ, "AzureASOManagedMachinePool")) {
            Optional<ObjectNode> pool = pools.stream().filter(p -> ns(p).equals(ns(amp)) && p.path("spec").path("template")
                    .path("spec").path("infrastructureRef").path("name").asText().equals(name(amp))).findFirst();
            if (pool.isEmpty() || named(clusters, ns(amp), pool.get().path("spec").path("clusterName").asText()).isEmpty()) {
                if (pool.isEmpty()) {
                    world.api.delete(ObjectRef.of(amp));
                }
                continue;
            }
            Optional<ObjectNode> live = apply(amp, (ObjectNode) amp.path("spec").path("resources").path(0), pool.get());
            JsonNode count = live.map(l -> l.path("status").path("count")).orElse(null);
            if (count != null && count.canConvertToLong()
                    && pool.get().path("status").path("replicas").asLong(-1) != count.asLong()) {
                ObjectNode p = pool.get().deepCopy();
                p.with("status").put("replicas", count.asLong());
                world.update(p);
            }
        }
        deleteOrphans();
    }

    /** Applies one embedded object as CAPZ does; returns the live ASO object (absent until it exists). */
    private Optional<ObjectNode> apply(ObjectNode owner, ObjectNode embedded, ObjectNode machinePool) {
        ObjectNode desired = embedded.deepCopy();
        desired.with("metadata").put("namespace", ns(owner));
        ObjectRef ref = ObjectRef.of(desired);
        Optional<World.Kind> k = kind(ref.apiVersion(), ref.kind());
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Optional<ObjectNode> live = world.get(ref);
        if (machinePool != null) {
            boolean autoscaled = "aks".equals(machinePool.path("metadata").path("annotations")
                    .path("cluster.x-k8s.io/replicas-managed-by").asText());
            JsonNode replicas = machinePool.path("spec").path("replicas");
            boolean poolKnowsCount = live.isPresent() && live.get().path("status").path("count").canConvertToLong();
            if (replicas.canConvertToLong() && !(autoscaled && poolKnowsCount)) {
                desired.with("spec").put("count", replicas.asLong());
            }
        }
        ObjectNode target = live.map(ObjectNode::deepCopy).orElse(desired.deepCopy());
        ObjectNode before = target.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = desired.path("spec").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            target.with("spec").set(e.getKey(), e.getValue().deepCopy());
        }
        desired.path("metadata").path("annotations").fields().forEachRemaining(e ->
                target.with("metadata").with("annotations").set(e.getKey(), e.getValue().deepCopy()));
        ArrayNode owners = target.with("metadata").withArray("ownerReferences");
        boolean controlled = false;
        for (JsonNode o : owners) {
            controlled |= o.path("controller").asBoolean(false);
        }
        if (!controlled) {
            owners.addObject().put("apiVersion", owner.path("apiVersion").asText()).put("kind", owner.path("kind").asText())
                    .put("name", name(owner)).put("uid", owner.path("metadata").path("uid").asText())
                    .put("controller", true).put("blockOwnerDeletion", true);
        }
        if (live.isEmpty()) {
            world.createQuietly(target);
        } else if (!target.equals(before)) {
            world.update(target);
        }
        return world.get(ref);
    }

    /** ASO objects whose controlling CAPZ object is gone are deleted, as Kubernetes garbage collection does. */
    private void deleteOrphans() {
        for (ObjectNode cr : world.allOfRole(world.asoKinds)) {
            for (JsonNode o : cr.path("metadata").path("ownerReferences")) {
                String apiVersion = o.path("apiVersion").asText();
                if (!o.path("controller").asBoolean(false) || !apiVersion.equals(CAPZ) || CrossplaneEmulator.deleting(cr)) {
                    continue;
                }
                ObjectRef owner = new ObjectRef(apiVersion, o.path("kind").asText(), ns(cr), o.path("name").asText());
                Optional<ObjectNode> live = world.get(owner);
                if (live.isEmpty() || !live.get().path("metadata").path("uid").asText().equals(o.path("uid").asText())) {
                    world.api.delete(ObjectRef.of(cr));
                }
            }
        }
    }

    private void setStatus(ObjectNode o, String field, boolean value) {
        if (o.path("status").path(field).asBoolean(false) != value || !o.path("status").has(field)) {
            ObjectNode copy = o.deepCopy();
            copy.with("status").put(field, value);
            world.update(copy);
        }
    }

    private static boolean readyTrue(JsonNode o) {
        for (JsonNode c : o.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }

    private static Optional<ObjectNode> named(List<ObjectNode> list, String ns, String name) {
        return list.stream().filter(o -> ns(o).equals(ns) && name(o).equals(name)).findFirst();
    }

    private static String ns(JsonNode o) {
        return o.path("metadata").path("namespace").asText();
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** Cluster API objects created for adoption that were not in the plan (none may be). */
    public List<String> unexpected(List<ObjectRef> planned) {
        List<String> out = new ArrayList<>();
        for (String[] k : new String[][]{{CAPI, "Cluster"}, {CAPI, "MachinePool"}, {CAPZ, "AzureASOManagedControlPlane"},
                {CAPZ, "AzureASOManagedMachinePool"}, {CAPZ, "AzureASOManagedCluster"}}) {
            for (ObjectNode o : list(k[0], k[1])) {
                if (!planned.contains(ObjectRef.of(o))) {
                    out.add(ObjectRef.of(o).display());
                }
            }
        }
        return out;
    }
}
