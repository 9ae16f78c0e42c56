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
 * Flux, both ways it applies objects ({@link GitSync}):
 * <ul>
 *   <li>kustomize-controller with prune on, for the objects a Kustomization applies from Git: a missing one is
 *   re-created, Git annotations are applied, and one removed from Git is pruned unless it carries
 *   {@code kustomize.toolkit.fluxcd.io/prune: disabled}; the Kustomization's status.inventory lists what the current
 *   revision applies;</li>
 *   <li>helm-controller with drift detection on, for the objects a HelmRelease's chart renders: a missing one is
 *   re-created, and one the chart no longer renders is deleted by the upgrade unless it carries
 *   {@code helm.sh/resource-policy: keep}. Its inventory is Helm's release Secret, which xp2aso never reads.</li>
 * </ul>
 * Applied objects carry the tool's labels and field manager (kustomize-controller, helm-controller).
 */
public final class FluxEmulator {
    public static final String GROUP_VERSION = "kustomize.toolkit.fluxcd.io/v1";
    public static final String HELM_GROUP_VERSION = "helm.toolkit.fluxcd.io/v2";

    private final World world;
    private final GitSync kustomize;
    private final GitSync helm;
    private World.Kind kind;
    private World.Kind releaseKind;

    FluxEmulator(World world) {
        this.world = world;
        this.kustomize = new GitSync(world, live -> Keys.FLUX_PRUNE_DISABLED.equals(
                live.path("metadata").path("annotations").path(Keys.FLUX_PRUNE).asText()),
                fresh -> manage(fresh, "kustomize-controller"));
        this.helm = new GitSync(world, live -> Keys.HELM_KEEP.equals(
                live.path("metadata").path("annotations").path(Keys.HELM_RESOURCE_POLICY).asText()),
                fresh -> manage(fresh, "helm-controller"));
    }

    /** The object is in Git for Kustomization {@code namespace/name}; it exists live already. */
    public void track(String kustomization, ObjectNode obj) {
        if (kind == null) {
            kind = world.install(GROUP_VERSION, "Kustomization", "kustomizations", true, "");
        }
        String[] nsName = kustomization.split("/");
        ObjectNode c = labelled(obj, Keys.FLUX_KUSTOMIZE_NAME, Keys.FLUX_KUSTOMIZE_NAMESPACE, nsName);
        if (world.get(kind.ref(nsName[0], nsName[1])).isEmpty()) {
            ObjectNode k = Yaml.JSON.createObjectNode();
            k.put("apiVersion", GROUP_VERSION).put("kind", "Kustomization");
            k.putObject("metadata").put("name", nsName[1]).put("namespace", nsName[0]);
            k.putObject("spec").put("prune", true).put("interval", "5m");
            world.create(k);
        }
        apply(c, "kustomize-controller");
        kustomize.track(ObjectRef.of(c), c, kustomization);
    }

    /** The object is rendered by the chart of HelmRelease {@code namespace/name}; it exists live already. */
    public void trackHelm(String release, ObjectNode obj) {
        if (releaseKind == null) {
            releaseKind = world.install(HELM_GROUP_VERSION, "HelmRelease", "helmreleases", true, "");
        }
        String[] nsName = release.split("/");
        ObjectNode c = labelled(obj, Keys.FLUX_HELM_NAME, Keys.FLUX_HELM_NAMESPACE, nsName);
        if (world.get(releaseKind.ref(nsName[0], nsName[1])).isEmpty()) {
            ObjectNode r = Yaml.JSON.createObjectNode();
            r.put("apiVersion", HELM_GROUP_VERSION).put("kind", "HelmRelease");
            r.putObject("metadata").put("name", nsName[1]).put("namespace", nsName[0]);
            r.putObject("spec").put("interval", "5m").putObject("driftDetection").put("mode", "enabled");
            world.create(r);
        }
        apply(c, "helm-controller");
        helm.track(ObjectRef.of(c), c, release);
    }

    private static ObjectNode labelled(ObjectNode obj, String nameKey, String namespaceKey, String[] nsName) {
        ObjectNode c = obj.deepCopy();
        c.with("metadata").with("labels").put(nameKey, nsName[1]).put(namespaceKey, nsName[0]);
        return c;
    }

    /** Puts the tool's labels and field manager on the live object. */
    private void apply(ObjectNode c, String manager) {
        world.get(ObjectRef.of(c)).ifPresent(live -> {
            live.with("metadata").with("labels").setAll((ObjectNode) c.path("metadata").path("labels"));
            manage(live, manager);
            world.update(live);
        });
    }

    /** Merges the Git change that keeps Flux from pruning the object (or Helm from deleting it). */
    public void mergeProtect(ObjectRef obj) {
        if (helm.tracks(obj)) {
            helm.annotate(obj, Keys.HELM_RESOURCE_POLICY, Keys.HELM_KEEP);
        } else {
            kustomize.annotate(obj, Keys.FLUX_PRUNE, Keys.FLUX_PRUNE_DISABLED);
        }
    }

    /** Removes the object from Git (from the Kustomization's sources, or from the chart). */
    public void removeFromGit(ObjectRef obj) {
        kustomize.removeFromGit(obj);
        helm.removeFromGit(obj);
    }

    public boolean tracks(ObjectRef obj) {
        return kustomize.tracks(obj) || helm.tracks(obj);
    }

    /** Flux applies server-side: its field manager is on what it applied. */
    private static void manage(ObjectNode live, String manager) {
        ArrayNode mf = live.with("metadata").withArray("managedFields");
        for (JsonNode f : mf) {
            if (manager.equals(f.path("manager").asText())) {
                return;
            }
        }
        mf.addObject().put("manager", manager).put("operation", "Apply").put("apiVersion",
                live.path("apiVersion").asText());
    }

    void reconcile() {
        if (releaseKind != null) {
            helm.reconcile();
        }
        if (kind == null) {
            return;
        }
        for (Map.Entry<String, List<GitSync.Listed>> e : kustomize.reconcile().entrySet()) {
            ArrayNode entries = Yaml.JSON.createArrayNode();
            for (GitSync.Listed l : e.getValue()) {
                if (l.inGit()) {
                    ObjectRef r = l.ref();
                    entries.addObject().put("id", r.namespace() + "_" + r.name() + "_" + r.group() + "_" + r.kind())
                            .put("v", r.version());
                }
            }
            String[] nsName = e.getKey().split("/");
            world.get(kind.ref(nsName[0], nsName[1])).ifPresent(k -> {
                if (!entries.equals(k.path("status").path("inventory").path("entries"))) {
                    k.with("status").with("inventory").set("entries", entries);
                    world.update(k);
                }
            });
        }
    }
}
