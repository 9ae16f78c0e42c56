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
 * Argo CD with automated sync, self-heal and prune for the claims it tracks: a claim in Git that is missing live is
 * re-created; Git annotations are synced onto the live claim; a tracked live claim no longer in Git is pruned unless
 * it carries sync-options Prune=false, in which case the Application lists it as requiring pruning.
 */
public final class ArgoEmulator {
    private final World world;
    private final Map<ObjectRef, ObjectNode> git = new LinkedHashMap<>();
    private final Map<ObjectRef, String> appOf = new LinkedHashMap<>();
    private World.Kind appKind;

    ArgoEmulator(World world) {
        this.world = world;
    }

    /** The claim (or XR) is in Git for application {@code app}, with Argo CD's tracking label; it exists live already. */
    public void track(String app, ObjectNode claim) {
        track(app, claim, Keys.ARGO_INSTANCE_LABEL);
    }

    /**
     * As above with the instance label {@code labelKey}: a custom key is declared in ConfigMap argocd/argocd-cm, as
     * Argo CD reads it. Argo CD applies server-side, so its field manager argocd-controller is on the object. With
     * "" there is neither label nor field manager: a tool nobody can recognise (a CI job running kubectl apply).
     */
    public void track(String app, ObjectNode claim, String labelKey) {
        if (appKind == null) {
            appKind = world.install("argoproj.io/v1alpha1", "Application", "applications", true, "");
        }
        ObjectNode c = claim.deepCopy();
        if (!labelKey.isEmpty()) {
            c.with("metadata").with("labels").put(labelKey, app);
            c.with("metadata").withArray("managedFields").addObject().put("manager", "argocd-controller")
                    .put("operation", "Apply");
        }
        if (!labelKey.isEmpty() && !labelKey.equals(Keys.ARGO_INSTANCE_LABEL)) {
            ObjectRef cmRef = new ObjectRef("v1", "ConfigMap", Keys.ARGO_CM_NAMESPACE, Keys.ARGO_CM);
            if (world.get(cmRef).isEmpty()) {
                ObjectNode cm = Yaml.JSON.createObjectNode();
                cm.put("apiVersion", "v1").put("kind", "ConfigMap");
                cm.putObject("metadata").put("name", Keys.ARGO_CM).put("namespace", Keys.ARGO_CM_NAMESPACE);
                cm.putObject("data").put(Keys.ARGO_CM_LABEL_KEY, labelKey);
                world.create(cm);
            }
        }
        ObjectRef ref = ObjectRef.of(c);
        world.get(ref).ifPresent(live -> {
            live.with("metadata").set("labels", c.path("metadata").path("labels").deepCopy());
            if (c.path("metadata").has("managedFields")) {
                live.with("metadata").set("managedFields", c.path("metadata").path("managedFields").deepCopy());
            }
            world.update(live);
        });
        git.put(ref, c);
        appOf.put(ref, app);
        if (world.get(appKind.ref("argocd", app)).isEmpty()) {
            ObjectNode a = Yaml.JSON.createObjectNode();
            a.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Application");
            a.putObject("metadata").put("name", app).put("namespace", "argocd");
            world.create(a);
        }
    }

    /** Merges the Git change that protects the claim from pruning. */
    public void mergeProtect(ObjectRef claim) {
        git.get(claim).with("metadata").with("annotations").put(Keys.ARGO_SYNC_OPTIONS, Keys.ARGO_PROTECT_VALUE);
    }

    public void removeFromGit(ObjectRef claim) {
        git.remove(claim);
    }

    public boolean inGit(ObjectRef claim) {
        return git.containsKey(claim);
    }

    void reconcile() {
        if (appKind == null) {
            return;
        }
        for (Map.Entry<ObjectRef, ObjectNode> e : git.entrySet()) {
            Optional<ObjectNode> live = world.get(e.getKey());
            if (live.isEmpty()) {
                world.createQuietly(e.getValue().deepCopy());
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
        Map<String, ArrayNode> resources = new LinkedHashMap<>();
        for (Map.Entry<ObjectRef, String> e : appOf.entrySet()) {
            ArrayNode list = resources.computeIfAbsent(e.getValue(), k -> Yaml.JSON.createArrayNode());
            Optional<ObjectNode> live = world.get(e.getKey());
            boolean inGit = git.containsKey(e.getKey());
            if (live.isEmpty() && !inGit) {
                continue;
            }
            if (!inGit) {
                String opts = live.get().path("metadata").path("annotations").path(Keys.ARGO_SYNC_OPTIONS).asText("");
                if (!opts.contains("Prune=false") && !CrossplaneEmulator.deleting(live.get())) {
                    world.deleteBackground(e.getKey());
                    continue;
                }
            }
            ObjectNode r = list.addObject();
            r.put("kind", e.getKey().kind()).put("namespace", e.getKey().namespace()).put("name", e.getKey().name());
            if (!inGit) {
                r.put("requiresPruning", true);
            }
        }
        for (Map.Entry<String, ArrayNode> e : resources.entrySet()) {
            world.get(appKind.ref("argocd", e.getKey())).ifPresent(app -> {
                JsonNode now = app.path("status").path("resources");
                if (!e.getValue().equals(now)) {
                    app.with("status").set("resources", e.getValue());
                    world.update(app);
                }
            });
        }
    }
}
