package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.source.Yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Flux's kustomize-controller with prune on, for the objects a Kustomization applies from Git: a missing one is
 * re-created, Git annotations are applied, and one removed from Git is pruned unless it carries
 * {@code kustomize.toolkit.fluxcd.io/prune: disabled}. Applied objects carry Flux's labels and the field manager
 * kustomize-controller; the Kustomization's status.inventory lists what the current revision applies.
 */
public final class FluxEmulator {
    public static final String GROUP_VERSION = "kustomize.toolkit.fluxcd.io/v1";

    private final World world;
    private final Map<ObjectRef, ObjectNode> git = new LinkedHashMap<>();
    private final Map<ObjectRef, String> kustomizationOf = new LinkedHashMap<>();
    private World.Kind kind;

    FluxEmulator(World world) {
        this.world = world;
    }

    /** The object is in Git for Kustomization {@code namespace/name}; it exists live already. */
    public void track(String kustomization, ObjectNode obj) {
        if (kind == null) {
            kind = world.install(GROUP_VERSION, "Kustomization", "kustomizations", true, "");
        }
        String[] nsName = kustomization.split("/");
        ObjectNode c = obj.deepCopy();
        c.with("metadata").with("labels").put(Keys.FLUX_KUSTOMIZE_NAME, nsName[1]).put(Keys.FLUX_KUSTOMIZE_NAMESPACE, nsName[0]);
        ObjectRef ref = ObjectRef.of(c);
        git.put(ref, c);
        kustomizationOf.put(ref, kustomization);
        if (world.get(kind.ref(nsName[0], nsName[1])).isEmpty()) {
            ObjectNode k = Yaml.JSON.createObjectNode();
            k.put("apiVersion", GROUP_VERSION).put("kind", "Kustomization");
            k.putObject("metadata").put("name", nsName[1]).put("namespace", nsName[0]);
            k.putObject("spec").put("prune", true).put("interval", "5m");
            world.create(k);
        }
        world.get(ref).ifPresent(live -> {
            live.with("metadata").with("labels").setAll((ObjectNode) c.path("metadata").path("labels"));
            manage(live);
            world.update(live);
        });
    }

    /** Merges the Git change that keeps Flux from pruning the object. */
    public void mergeProtect(ObjectRef obj) {
        git.get(obj).with("metadata").with("annotations").put(Keys.FLUX_PRUNE, Keys.FLUX_PRUNE_DISABLED);
    }

    public void removeFromGit(ObjectRef obj) {
        git.remove(obj);
    }

    public boolean tracks(ObjectRef obj) {
        return kustomizationOf.containsKey(obj);
    }

    /** kustomize-controller applies server-side: its field manager is on what it applied. */
    private static void manage(ObjectNode live) {
        ArrayNode mf = live.with("metadata").withArray("managedFields");
        for (JsonNode f : mf) {
            if ("kustomize-controller".equals(f.path("manager").asText())) {
                return;
            }
        }
        mf.addObject().put("manager", "kustomize-controller").put("operation", "Apply").put("apiVersion",
                live.path("apiVersion").asText());
    }

    void reconcile() {
        if (kind == null) {
            return;
        }
        for (Map.Entry<ObjectRef, ObjectNode> e : git.entrySet()) {
            Optional<ObjectNode> live = world.get(e.getKey());
            if (live.isEmpty()) {
                ObjectNode fresh = e.getValue().deepCopy();
                manage(fresh);
                world.createQuietly(fresh);
                continue;
            }
            ObjectNode l = live.get();
            boolean changed = false;
            for (var it = e.getValue().path("metadata").path("annotations").fields(); it.hasNext(); ) {
                var a = it.next();
                if (!a.getValue().equals(l.path("metadata").path("annotations").get(a.getKey()))) {
                    l.with("metadata").with("annotations").set(a.getKey(), a.getValue().deepCopy());
                    changed = true;
                }
            }
            if (changed) {
                world.update(l);
            }
        }
        Map<String, ArrayNode> inventory = new LinkedHashMap<>();
        for (Map.Entry<ObjectRef, String> e : kustomizationOf.entrySet()) {
            ArrayNode entries = inventory.computeIfAbsent(e.getValue(), k -> Yaml.JSON.createArrayNode());
            ObjectRef r = e.getKey();
            if (git.containsKey(r)) {
                entries.addObject().put("id", r.namespace() + "_" + r.name() + "_" + r.group() + "_" + r.kind())
                        .put("v", r.version());
                continue;
            }
            Optional<ObjectNode> live = world.get(r);
            if (live.isPresent() && !CrossplaneEmulator.deleting(live.get()) && !Keys.FLUX_PRUNE_DISABLED.equals(
                    live.get().path("metadata").path("annotations").path(Keys.FLUX_PRUNE).asText())) {
                world.deleteBackground(r);
            }
        }
        for (Map.Entry<String, ArrayNode> e : inventory.entrySet()) {
            String[] nsName = e.getKey().split("/");
            world.get(kind.ref(nsName[0], nsName[1])).ifPresent(k -> {
                if (!e.getValue().equals(k.path("status").path("inventory").path("entries"))) {
                    k.with("status").with("inventory").set("entries", e.getValue());
                    world.update(k);
                }
            });
        }
    }
}
