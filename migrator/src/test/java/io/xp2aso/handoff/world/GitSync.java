package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The sync loop every GitOps tool of the world shares (Argo CD with self-heal and prune, Flux's kustomize-controller
 * with prune, helm-controller with drift detection): what Git holds is re-created when missing and its annotations are
 * applied onto the live object; an object gone from Git is deleted (background propagation) unless the tool's
 * opt-out annotation protects it. Each tool says how it protects ({@code keeps}) and what it leaves on an object it
 * creates ({@code onCreate}: its field manager), and reports the round's result in its own status.
 */
final class GitSync {
    /** An object the tool still lists after a round: in Git, or gone from Git but kept live. */
    record Listed(ObjectRef ref, boolean inGit) {
    }

    private final World world;
    private final Predicate<ObjectNode> keeps;
    private final Consumer<ObjectNode> onCreate;
    private final Map<ObjectRef, ObjectNode> git = new LinkedHashMap<>();
    private final Map<ObjectRef, String> ownerOf = new LinkedHashMap<>();

    GitSync(World world, Predicate<ObjectNode> keeps, Consumer<ObjectNode> onCreate) {
        this.world = world;
        this.keeps = keeps;
        this.onCreate = onCreate;
    }

    /** {@code obj} is in Git for {@code owner} (the Application, Kustomization or HelmRelease). */
    void track(ObjectRef ref, ObjectNode obj, String owner) {
        git.put(ref, obj);
        ownerOf.put(ref, owner);
    }

    boolean tracks(ObjectRef ref) {
        return ownerOf.containsKey(ref);
    }

    boolean inGit(ObjectRef ref) {
        return git.containsKey(ref);
    }

    /** Merges a Git change that sets an annotation on the object. */
    void annotate(ObjectRef ref, String key, String value) {
        git.get(ref).with("metadata").with("annotations").put(key, value);
    }

    void removeFromGit(ObjectRef ref) {
        git.remove(ref);
    }

    /** One round; returns, per owner in tracking order, what it still lists. */
    Map<String, List<Listed>> reconcile() {
        for (Map.Entry<ObjectRef, ObjectNode> e : git.entrySet()) {
            Optional<ObjectNode> live = world.get(e.getKey());
            if (live.isEmpty()) {
                ObjectNode fresh = e.getValue().deepCopy();
                onCreate.accept(fresh);
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
        Map<String, List<Listed>> out = new LinkedHashMap<>();
        for (Map.Entry<ObjectRef, String> e : ownerOf.entrySet()) {
            List<Listed> listed = out.computeIfAbsent(e.getValue(), k -> new ArrayList<>());
            ObjectRef r = e.getKey();
            if (git.containsKey(r)) {
                listed.add(new Listed(r, true));
                continue;
            }
            Optional<ObjectNode> live = world.get(r);
            if (live.isEmpty()) {
                continue;
            }
            if (!keeps.test(live.get()) && !CrossplaneEmulator.deleting(live.get())) {
                world.deleteBackground(r);
                continue;
            }
            listed.add(new Listed(r, false));
        }
        return out;
    }
}
