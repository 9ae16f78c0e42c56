package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.source.Yaml;

import java.util.List;
import java.util.Map;

/**
 * Argo CD with automated sync, self-heal and prune for the claims it tracks ({@link GitSync}): a claim in Git that is
 * missing live is re-created; Git annotations are synced onto the live claim; a tracked live claim no longer in Git is
 * pruned unless it carries sync-options Prune=false, in which case the Application lists it as requiring pruning.
 */
public final class ArgoEmulator {
    private final World world;
    private final GitSync sync;
    private World.Kind appKind;

    ArgoEmulator(World world) {
        this.world = world;
        // Argo CD re-creates from Git as it is: the Git copy already carries its label and field manager.
        this.sync = new GitSync(world, live -> live.path("metadata").path("annotations").path(Keys.ARGO_SYNC_OPTIONS)
                .asText("").contains("Prune=false"), fresh -> { });
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
        ObjectNode c = claim.deepCopy();
        if (!labelKey.isEmpty()) {
            c.with("metadata").with("labels").put(labelKey, app);
            c.with("metadata").withArray("managedFields").addObject().put("manager", "argocd-controller")
                    .put("operation", "Apply");
        }
        if (!labelKey.isEmpty() && !labelKey.equals(Keys.ARGO_INSTANCE_LABEL)) {
            installConfigMap(labelKey);
        }
        trackAs(app, c);
    }

    /** The claim is in Git for {@code app} with annotation tracking ({@code argocd.argoproj.io/tracking-id}). */
    public void trackByAnnotation(String app, ObjectNode claim) {
        ObjectNode c = claim.deepCopy();
        ObjectRef r = ObjectRef.of(c);
        c.with("metadata").with("annotations").put(Keys.ARGO_TRACKING_ID, app + ":" + r.group() + "/" + r.kind() + ":"
                + r.namespace() + "/" + r.name());
        trackAs(app, c);
    }

    /** ConfigMap argocd/argocd-cm declaring a custom instance label key, as Argo CD reads it. */
    public void installConfigMap(String labelKey) {
        ObjectRef cmRef = new ObjectRef("v1", "ConfigMap", Keys.ARGO_CM_NAMESPACE, Keys.ARGO_CM);
        if (world.get(cmRef).isEmpty()) {
            ObjectNode cm = Yaml.JSON.createObjectNode();
            cm.put("apiVersion", "v1").put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", Keys.ARGO_CM).put("namespace", Keys.ARGO_CM_NAMESPACE);
            cm.putObject("data").put(Keys.ARGO_CM_LABEL_KEY, labelKey);
            world.create(cm);
        }
    }

    private void trackAs(String app, ObjectNode c) {
        if (appKind == null) {
            appKind = world.install("argoproj.io/v1alpha1", "Application", "applications", true, "");
        }
        ObjectRef ref = ObjectRef.of(c);
        world.get(ref).ifPresent(live -> {
            live.with("metadata").set("labels", c.path("metadata").path("labels").deepCopy());
            live.with("metadata").with("annotations").setAll((ObjectNode) c.path("metadata").path("annotations"));
            if (c.path("metadata").has("managedFields")) {
                live.with("metadata").set("managedFields", c.path("metadata").path("managedFields").deepCopy());
            }
            world.update(live);
        });
        sync.track(ref, c, app);
        if (world.get(appKind.ref("argocd", app)).isEmpty()) {
            ObjectNode a = Yaml.JSON.createObjectNode();
            a.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Application");
            a.putObject("metadata").put("name", app).put("namespace", "argocd");
            world.create(a);
        }
    }

    /** Merges the Git change that protects the claim from pruning. */
    public void mergeProtect(ObjectRef claim) {
        sync.annotate(claim, Keys.ARGO_SYNC_OPTIONS, Keys.ARGO_PROTECT_VALUE);
    }

    public void removeFromGit(ObjectRef claim) {
        sync.removeFromGit(claim);
    }

    public boolean inGit(ObjectRef claim) {
        return sync.inGit(claim);
    }

    void reconcile() {
        if (appKind == null) {
            return;
        }
        for (Map.Entry<String, List<GitSync.Listed>> e : sync.reconcile().entrySet()) {
            ArrayNode resources = Yaml.JSON.createArrayNode();
            for (GitSync.Listed l : e.getValue()) {
                ObjectNode r = resources.addObject();
                r.put("kind", l.ref().kind()).put("namespace", l.ref().namespace()).put("name", l.ref().name());
                if (!l.inGit()) {
                    r.put("requiresPruning", true);
                }
            }
            world.get(appKind.ref("argocd", e.getKey())).ifPresent(app -> {
                JsonNode now = app.path("status").path("resources");
                if (!resources.equals(now)) {
                    app.with("status").set("resources", resources);
                    world.update(app);
                }
            });
        }
    }
}
