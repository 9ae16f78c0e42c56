package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Crossplane as far as the handoff depends on it (crossplane-runtime and v1.20 semantics):
 * claims create their XR and delete it when deleted; XRs (re)create and re-render their MRs; deleting an XR
 * garbage-collects its MRs; the provider creates/observes/updates/deletes MRs honouring pause (checked before
 * deletion), deletionPolicy, managementPolicies (the legacy resolver with the feature on; v2 MRs by policies only)
 * and finalizers.
 */
final class CrossplaneEmulator {
    static final String MR_FINALIZER = "finalizer.managedresource.crossplane.io";
    static final String XR_FINALIZER = "composite.apiextensions.crossplane.io";
    static final String CLAIM_FINALIZER = "finalizer.apiextensions.crossplane.io";

    private final World world;
    final Map<String, World.Kind> xrKindOfClaim = new LinkedHashMap<>();
    final Map<String, ObjectNode> xrTemplateOfClaim = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> mrTemplatesOfXr = new LinkedHashMap<>();
    final Map<String, String> armIds = new LinkedHashMap<>();
    final List<World.Kind> claimKinds = new ArrayList<>();
    final List<World.Kind> xrKinds = new ArrayList<>();
    private int generated;
    private final GarbageCollector gc;

    CrossplaneEmulator(World world) {
        this.world = world;
        this.gc = new GarbageCollector(world);
    }

    void bind(String kind, String externalName, String armId) {
        armIds.put(kind + "/" + externalName, armId);
    }

    void reconcile() {
        for (World.Kind k : claimKinds) {
            for (ObjectNode claim : world.all(k)) {
                claim(k, claim);
            }
        }
        List<ObjectNode> managed = world.allOfRole(world.managedKinds);
        for (World.Kind k : xrKinds) {
            for (ObjectNode xr : world.all(k)) {
                composite(xr, managed);
            }
        }
        gc.collect(xrKinds);
        for (ObjectNode mr : world.allOfRole(world.managedKinds)) {
            managed(mr);
        }
    }

    // ---- claims

    private void claim(World.Kind k, ObjectNode claim) {
        if (paused(claim)) {
            return;
        }
        String key = k.kind() + "/" + ns(claim) + "/" + name(claim);
        World.Kind xrKind = xrKindOfClaim.get(k.kind());
        String xrName = World.text(claim, "spec.resourceRef.name");
        Optional<ObjectNode> xr = xrName.isEmpty() ? Optional.empty() : world.get(xrKind.ref("", xrName));
        if (deleting(claim)) {
            if (xr.isPresent()) {
                if (!deleting(xr.get())) {
                    // Crossplane deletes the XR of a deleting claim with background propagation (the default policy)
                    world.deleteBackground(xrKind.ref("", xrName));
                }
                return;
            }
            removeFinalizer(claim, CLAIM_FINALIZER);
            return;
        }
        boolean changed = addFinalizer(claim, CLAIM_FINALIZER);
        if (xr.isEmpty()) {
            ObjectNode template = xrTemplateOfClaim.get(key);
            if (template != null) {
                ObjectNode fresh = template.deepCopy();
                String newName = xrName.isEmpty() ? name(template) : name(template) + "-re" + (++generated);
                fresh.with("metadata").put("name", newName);
                fresh.with("metadata").with("labels").put("test.world/templates", name(template));
                world.createQuietly(fresh);
                claim.with("spec").with("resourceRef").put("apiVersion", xrKind.apiVersion()).put("kind", xrKind.kind())
                        .put("name", newName);
                changed = true;
            }
        }
        if (changed) {
            world.update(claim);
        }
    }

    // ---- composites

    private void composite(ObjectNode xr, List<ObjectNode> managed) {
        if (paused(xr)) {
            return;
        }
        if (deleting(xr)) {
            removeFinalizer(xr, XR_FINALIZER);
            return;
        }
        if (addFinalizer(xr, XR_FINALIZER)) {
            world.update(xr);
        }
        String uid = World.text(xr, "metadata.uid");
        String templatesOf = xr.path("metadata").path("labels").path("test.world/templates").asText(name(xr));
        for (ObjectNode template : mrTemplatesOfXr.getOrDefault(templatesOf, List.of())) {
            String resName = template.path("metadata").path("annotations").path("crossplane.io/composition-resource-name").asText();
            ObjectNode existing = null;
            for (ObjectNode mr : managed) {
                // Its own MRs: by controller reference (a nested XR's MRs carry the top XR's composite label), else by
                // the label.
                String controller = controllerUid(mr);
                boolean mine = controller.isEmpty()
                        ? name(xr).equals(mr.path("metadata").path("labels").path("crossplane.io/composite").asText())
                        : controller.equals(uid);
                if (mine && resName.equals(mr.path("metadata").path("annotations")
                        .path("crossplane.io/composition-resource-name").asText()) && !deleting(mr)) {
                    existing = mr;
                }
            }
            if (existing == null) {
                ObjectNode fresh = template.deepCopy();
                String base = name(template);
                boolean taken = world.get(ObjectRef.of(template)).isPresent();
                fresh.with("metadata").put("name", taken ? base + "-re" + (++generated) : base);
                fresh.with("metadata").with("labels").put("crossplane.io/composite", name(xr));
                ArrayNode owners = fresh.with("metadata").putArray("ownerReferences");
                owners.addObject().put("apiVersion", xr.path("apiVersion").asText()).put("kind", xr.path("kind").asText())
                        .put("name", name(xr)).put("uid", uid).put("controller", true).put("blockOwnerDeletion", true);
                world.createQuietly(fresh);
            } else {
                // Re-render: the composed fields overwrite the MR's (forProvider, and policies when the template sets them).
                boolean changed = false;
                for (String f : List.of("forProvider", "deletionPolicy", "managementPolicies")) {
                    JsonNode want = template.path("spec").get(f);
                    if (want != null && !want.equals(existing.path("spec").get(f))) {
                        existing.with("spec").set(f, want.deepCopy());
                        changed = true;
                    }
                }
                if (changed) {
                    world.update(existing);
                }
            }
        }
    }

    // ---- managed resources (the provider)

    private void managed(ObjectNode mr) {
        ObjectNode before = mr.deepCopy();
        if (paused(mr)) {
            Conditions.set(mr, "Synced", "False", "ReconcilePaused", "Reconciliation is paused via the pause annotation", world.now());
            if (!mr.equals(before)) {
                world.update(mr);
            }
            return;
        }
        String id = armId(mr);
        List<String> policies = policies(mr);
        if (deleting(mr)) {
            if (shouldDelete(mr, policies)) {
                List<String> others = finalizers(mr);
                others.remove(MR_FINALIZER);
                if (!others.isEmpty()) {
                    return;
                }
                if (id != null && world.azure.get(id).isPresent()) {
                    world.azure.delete(id, "crossplane");
                }
            }
            removeFinalizer(mr, MR_FINALIZER);
            return;
        }
        addFinalizer(mr, MR_FINALIZER);
        boolean all = policies.contains("*");
        Optional<ObjectNode> live = id == null ? Optional.empty() : world.azure.get(id);
        // Terraform writes ARM properties, not upjet's argument names.
        ObjectNode forProvider = UpjetToArm.properties(mr.path("kind").asText(), mr.path("spec").path("forProvider"));
        if (live.isEmpty()) {
            if (all || policies.contains("Create")) {
                if (id == null) {
                    id = World.SUB + "/resourceGroups/created-by-crossplane/providers/X/" + name(mr);
                }
                world.azure.put(id, forProvider, "crossplane");
                live = world.azure.get(id);
            } else {
                Conditions.set(mr, "Ready", "False", "Unavailable", "observed resource does not exist", world.now());
                Conditions.set(mr, "Synced", "False", "ReconcileError", "cannot observe: not found", world.now());
                world.update(mr);
                return;
            }
        } else if ((all || policies.contains("Update")) && !world.async.running("crossplane", id)) {
            ObjectNode merged = live.get().deepCopy();
            merged.setAll(forProvider.deepCopy());
            if (!merged.equals(live.get())) {
                world.async.write("crossplane", id, merged);
                live = world.azure.get(id);
            }
        }
        if (world.async.crossplaneRounds > 0) {
            boolean busy = world.async.running("crossplane", id);
            Conditions.set(mr, "AsyncOperation", busy ? "False" : "True", busy ? "Ongoing" : "Finished", "", world.now());
            Conditions.set(mr, "LastAsyncOperation", "True", "Success", "", world.now());
        }
        // Simplified: atProvider mirrors Azure's properties (the executor reads only its id).
        ObjectNode atProvider = live.get().deepCopy();
        atProvider.put("id", id);
        mr.with("status").set("atProvider", atProvider);
        Conditions.set(mr, "Ready", "True", "Available", "", world.now());
        Conditions.set(mr, "Synced", "True", "ReconcileSuccess", "", world.now());
        if (!mr.equals(before)) {
            world.update(mr);
        }
    }

    /** crossplane-runtime: v2 (namespaced) by policies only; legacy resolver with management policies enabled. */
    static boolean shouldDelete(JsonNode mr, List<String> policies) {
        boolean v2 = ObjectRef.of(mr).group().contains(".m.");
        boolean hasDelete = policies.contains("Delete") || policies.contains("*");
        if (v2) {
            return hasDelete;
        }
        String dp = mr.path("spec").path("deletionPolicy").asText("Delete");
        return dp.equals("Delete") && hasDelete || !policies.equals(List.of("*")) && policies.contains("Delete");
    }

    String armId(JsonNode mr) {
        String ext = mr.path("metadata").path("annotations").path("crossplane.io/external-name").asText("");
        return armIds.get(mr.path("kind").asText() + "/" + ext);
    }

    /** MRs that may write their Azure resource now (not paused; allowed to create or update), by lower-case ARM ID. */
    Map<String, List<String>> writers(List<ObjectNode> managed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ObjectNode mr : managed) {
            String mine = armId(mr);
            if (mine == null || paused(mr)) {
                continue;
            }
            List<String> p = policies(mr);
            if (p.contains("*") || p.contains("Update") || p.contains("Create")) {
                out.computeIfAbsent(mine.toLowerCase(), k -> new ArrayList<>()).add(ObjectRef.of(mr).display());
            }
        }
        return out;
    }

    static List<String> policies(JsonNode mr) {
        List<String> p = new ArrayList<>();
        mr.path("spec").path("managementPolicies").forEach(x -> p.add(x.asText()));
        if (p.isEmpty()) {
            p.add("*");
        }
        return p;
    }

    static String controllerUid(JsonNode o) {
        for (JsonNode r : o.path("metadata").path("ownerReferences")) {
            if (r.path("controller").asBoolean(false)) {
                return r.path("uid").asText("");
            }
        }
        return "";
    }

    static boolean paused(JsonNode o) {
        return "true".equals(o.path("metadata").path("annotations").path("crossplane.io/paused").asText());
    }

    static boolean deleting(JsonNode o) {
        return o.path("metadata").hasNonNull("deletionTimestamp");
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String ns(JsonNode o) {
        return o.path("metadata").path("namespace").asText("");
    }

    static List<String> finalizers(JsonNode o) {
        List<String> f = new ArrayList<>();
        o.path("metadata").path("finalizers").forEach(x -> f.add(x.asText()));
        return f;
    }

    static boolean addFinalizer(ObjectNode o, String f) {
        if (finalizers(o).contains(f)) {
            return false;
        }
        o.with("metadata").withArray("finalizers").add(f);
        return true;
    }

    void removeFinalizer(ObjectNode o, String f) {
        ArrayNode fs = o.with("metadata").withArray("finalizers");
        for (Iterator<JsonNode> it = fs.iterator(); it.hasNext(); ) {
            if (f.equals(it.next().asText())) {
                it.remove();
                world.update(o);
                return;
            }
        }
    }
}
