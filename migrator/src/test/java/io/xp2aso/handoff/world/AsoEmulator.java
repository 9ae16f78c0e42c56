package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ASO v2 as far as the handoff depends on it: reconcile-policy skip only GETs (Ready when the resource exists,
 * AzureResourceNotFound otherwise); manage and detach-on-delete adopt by PUT of the whole spec, which the fake Azure
 * applies with the resource type's ARM semantics ({@link ArmPut}); deleting a CR deletes
 * the Azure resource only under manage. ARM IDs follow the owner chain.
 */
final class AsoEmulator {
    static final String FINALIZER = "serviceoperator.azure.com/finalizer";
    static final String POLLER_TOKEN = "serviceoperator.azure.com/poller-resume-token";

    /** kind -> (owner kind, ARM path segment). */
    private static final Map<String, String[]> TYPES = Map.ofEntries(
            Map.entry("ResourceGroup", new String[]{"", "/resourceGroups/"}),
            Map.entry("StorageAccount", new String[]{"ResourceGroup", "/providers/Microsoft.Storage/storageAccounts/"}),
            Map.entry("StorageAccountsBlobService", new String[]{"StorageAccount", "/blobServices/"}),
            Map.entry("StorageAccountsBlobServicesContainer", new String[]{"StorageAccountsBlobService", "/containers/"}),
            Map.entry("FlexibleServer", new String[]{"ResourceGroup", "/providers/Microsoft.DBforPostgreSQL/flexibleServers/"}),
            Map.entry("FlexibleServersDatabase", new String[]{"FlexibleServer", "/databases/"}),
            Map.entry("FlexibleServersFirewallRule", new String[]{"FlexibleServer", "/firewallRules/"}),
            Map.entry("FlexibleServersConfiguration", new String[]{"FlexibleServer", "/configurations/"}),
            Map.entry("VirtualNetwork", new String[]{"ResourceGroup", "/providers/Microsoft.Network/virtualNetworks/"}),
            Map.entry("VirtualNetworksSubnet", new String[]{"VirtualNetwork", "/subnets/"}),
            Map.entry("NetworkSecurityGroup", new String[]{"ResourceGroup", "/providers/Microsoft.Network/networkSecurityGroups/"}),
            Map.entry("NetworkSecurityGroupsSecurityRule", new String[]{"NetworkSecurityGroup", "/securityRules/"}),
            Map.entry("ManagedCluster", new String[]{"ResourceGroup", "/providers/Microsoft.ContainerService/managedClusters/"}),
            Map.entry("ManagedClustersAgentPool", new String[]{"ManagedCluster", "/agentPools/"}));

    private final World world;
    private final Map<String, String> lastPolicy = new HashMap<>();
    private final Map<String, Long> lastPut = new HashMap<>();

    AsoEmulator(World world) {
        this.world = world;
    }

    void reconcile() {
        for (ObjectNode cr : world.allOfRole(world.asoKinds)) {
            reconcile(cr);
        }
    }

    private void reconcile(ObjectNode cr) {
        String uid = World.text(cr, "metadata.uid");
        String policy = policy(cr);
        String id = armId(cr).orElse(null);
        if (CrossplaneEmulator.deleting(cr)) {
            if (policy.equals("manage") && id != null && world.azure.get(id).isPresent()) {
                world.azure.delete(id, "aso");
            }
            ObjectNode copy = cr.deepCopy();
            world.crossplane.removeFinalizer(copy, FINALIZER);
            return;
        }
        ObjectNode before = cr.deepCopy();
        CrossplaneEmulator.addFinalizer(cr, FINALIZER);
        if (id == null) {
            Conditions.set(cr, "Ready", "False", "WaitingForOwner", "owner not found", world.now());
        } else {
            cr.with("metadata").with("annotations").put("serviceoperator.azure.com/resource-id", id);
            Optional<ObjectNode> live = world.azure.get(id);
            if (policy.equals("skip")) {
                if (live.isPresent()) {
                    setStatus(cr, live.get(), id);
                    Conditions.set(cr, "Ready", "True", "Succeeded", "", world.now());
                } else {
                    Conditions.set(cr, "Ready", "False", "AzureResourceNotFound", "resource not found", world.now());
                }
            } else {
                long gen = cr.path("metadata").path("generation").asLong(0);
                Optional<ObjectNode> body = body(cr);
                if (body.isEmpty()) {
                    // ASO resolves every reference before it PUTs; until then it waits.
                    Conditions.set(cr, "Ready", "False", "ReferenceNotFound", "a referenced resource does not exist", world.now());
                } else {
                    // A resource gone from Azure is PUT again (re-created) by ASO's periodic reconcile.
                    if (!"manage".equals(lastPolicy.get(uid)) || lastPut.getOrDefault(uid, -1L) != gen || live.isEmpty()) {
                        if ("skip".equals(lastPolicy.get(uid))) {
                            Conditions.set(cr, "Ready", "False", "Reconciling", "The resource is in the process of being reconciled by the operator", world.now());
                        }
                        world.async.write("aso", id, ArmPut.of(cr.path("kind").asText()).apply(world.azure.get(id).orElse(null), body.get()));
                        lastPut.put(uid, gen);
                    }
                    if (world.async.running("aso", id)) {
                        cr.with("metadata").with("annotations").put(POLLER_TOKEN, "token-" + gen);
                        Conditions.set(cr, "Ready", "False", "Reconciling", "The resource is in the process of being reconciled by the operator", world.now());
                    } else {
                        setStatus(cr, world.azure.get(id).orElseThrow(), id);
                        Conditions.set(cr, "Ready", "True", "Succeeded", "", world.now());
                        Secrets.writeFor(world, cr);
                    }
                }
            }
            if (!world.async.running("aso", id)) {
                // Simplified: the token goes once Azure completed the PUT, under skip too (ASO would keep it unpolled).
                cr.with("metadata").with("annotations").remove(POLLER_TOKEN);
            }
        }
        lastPolicy.put(uid, policy.equals("skip") ? "skip" : "manage");
        if (!cr.equals(before)) {
            world.update(cr);
        }
    }

    private static void setStatus(ObjectNode cr, ObjectNode props, String id) {
        ObjectNode status = cr.with("status");
        JsonNode conditions = status.get("conditions");
        status.removeAll();
        status.setAll(props.deepCopy());
        status.put("id", id);
        if (conditions != null) {
            status.set("conditions", conditions);
        }
    }

    /** What ASO PUTs: the whole spec without the Kubernetes-only fields. */
    static ObjectNode properties(JsonNode cr) {
        ObjectNode p = ((ObjectNode) cr.path("spec")).deepCopy();
        p.remove("owner");
        p.remove("azureName");
        p.remove("operatorSpec");
        return p;
    }

    /** ARM names of reference properties where ARM spells the ID "ID" (ASO names them fooReference either way). */
    private static final Map<String, String> ARM_ID_NAMES = Map.of("vnetSubnetReference", "vnetSubnetID",
            "podSubnetReference", "podSubnetID");

    /**
     * What ASO PUTs: {@link #properties} with every resource reference resolved to its ARM ID under its ARM name
     * ({@code fooReference} -> {@code fooId}, {@code reference} -> {@code id}); empty while a reference is unresolved.
     */
    Optional<ObjectNode> body(JsonNode cr) {
        ObjectNode p = properties(cr);
        return resolve(p, World.text(cr, "metadata.namespace")) ? Optional.of(p) : Optional.empty();
    }

    private boolean resolve(JsonNode node, String namespace) {
        if (node.isArray()) {
            boolean ok = true;
            for (JsonNode item : node) {
                ok &= resolve(item, namespace);
            }
            return ok;
        }
        if (!(node instanceof ObjectNode o)) {
            return true;
        }
        boolean ok = true;
        for (String key : names(o)) {
            JsonNode v = o.get(key);
            if (key.equals("reference") || key.endsWith("Reference")) {
                Optional<String> id = referencedId(v, namespace);
                o.remove(key);
                if (id.isEmpty()) {
                    ok = false;
                } else {
                    o.put(key.equals("reference") ? "id" : ARM_ID_NAMES.getOrDefault(key,
                            key.substring(0, key.length() - "Reference".length()) + "Id"), id.get());
                }
            } else {
                ok &= resolve(v, namespace);
            }
        }
        return ok;
    }

    private Optional<String> referencedId(JsonNode ref, String namespace) {
        if (ref.hasNonNull("armId")) {
            return Optional.of(ref.path("armId").asText());
        }
        for (World.Kind k : world.kinds) {
            if (k.kind().equals(ref.path("kind").asText()) && k.apiVersion().startsWith(ref.path("group").asText() + "/")) {
                Optional<ObjectNode> target = world.get(k.ref(namespace, ref.path("name").asText()));
                if (target.isPresent()) {
                    return armId(target.get());
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> names(ObjectNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String policy(JsonNode cr) {
        return cr.path("metadata").path("annotations").path("serviceoperator.azure.com/reconcile-policy").asText("manage");
    }

    Optional<String> armId(JsonNode cr) {
        String kind = cr.path("kind").asText();
        String[] type = TYPES.get(kind);
        if (type == null) {
            return Optional.empty();
        }
        String azureName = cr.path("spec").path("azureName").asText(World.text(cr, "metadata.name"));
        if (type[0].isEmpty()) {
            return Optional.of(world.subscription + type[1] + azureName);
        }
        JsonNode owner = cr.path("spec").path("owner");
        if (owner.hasNonNull("armId")) {
            return Optional.of(owner.path("armId").asText() + type[1] + azureName);
        }
        String ownerKind = type[0];
        for (World.Kind k : world.kinds) {
            if (k.kind().equals(ownerKind) && world.asoKinds.contains(k.apiVersion() + "/" + k.kind())) {
                Optional<ObjectNode> parent = world.get(k.ref(World.text(cr, "metadata.namespace"), owner.path("name").asText()));
                if (parent.isPresent()) {
                    return armId(parent.get()).map(p -> p + type[1] + azureName);
                }
            }
        }
        return Optional.empty();
    }

    /** ASO resources that may write their Azure resource now (policy manage or detach-on-delete), by lower-case ARM ID. */
    Map<String, List<String>> writers(List<ObjectNode> crs) {
        Map<String, List<String>> out = new HashMap<>();
        for (ObjectNode cr : crs) {
            if (!policy(cr).equals("skip")) {
                armId(cr).ifPresent(x -> out.computeIfAbsent(x.toLowerCase(), k -> new ArrayList<>())
                        .add(ObjectRef.of(cr).display()));
            }
        }
        return out;
    }
}
