package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes garbage collection of composed objects (MRs and nested XRs): a dependent whose owner was deleted with
 * propagationPolicy Orphan loses that owner reference (the object stays); a dependent none of whose owners is left
 * is deleted with background propagation, and the provider then acts on its deletionPolicy.
 */
final class GarbageCollector {
    private final World world;

    GarbageCollector(World world) {
        this.world = world;
    }

    void collect(List<World.Kind> ownerKinds) {
        Set<String> uids = new HashSet<>();
        for (World.Kind k : ownerKinds) {
            for (ObjectNode o : world.all(k)) {
                uids.add(World.text(o, "metadata.uid"));
            }
        }
        List<ObjectNode> dependents = world.allOfRole(world.managedKinds);
        for (World.Kind k : ownerKinds) {
            dependents.addAll(world.all(k));
        }
        for (ObjectNode d : dependents) {
            JsonNode owners = d.path("metadata").path("ownerReferences");
            if (!owners.isArray() || owners.isEmpty() || CrossplaneEmulator.deleting(d)) {
                continue;
            }
            if (orphan(d)) {
                world.update(d);
                continue;
            }
            boolean alive = false;
            for (JsonNode o : owners) {
                alive |= uids.contains(o.path("uid").asText());
            }
            if (!alive) {
                world.api.delete(ObjectRef.of(d));
            }
        }
    }

    /** Removes the owner references to objects deleted with Orphan; true when there were any. */
    private boolean orphan(ObjectNode d) {
        boolean changed = false;
        ArrayNode owners = (ArrayNode) d.path("metadata").path("ownerReferences");
        for (Iterator<JsonNode> it = owners.iterator(); it.hasNext(); ) {
            if (world.dispatcher.orphaned(it.next().path("uid").asText())) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }
}
