package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connection Secrets in the world: ASO under manage writes the Secrets its operatorSpec.secrets and secretExpressions
 * name (in its namespace, owned by the ASO object; it never overwrites a Secret someone else owns, as ASO refuses
 * to), and Kubernetes garbage collection deletes a Secret whose owners are all gone (Crossplane's connection Secrets
 * are owned by their MR or claim). Values are stand-ins; tests only look at key names.
 */
final class Secrets {
    private Secrets() {
    }

    static void writeFor(World world, ObjectNode cr) {
        String ns = World.text(cr, "metadata.namespace");
        JsonNode op = cr.path("spec").path("operatorSpec");
        op.path("secrets").forEach(d -> write(world, cr, ns, d));
        op.path("secretExpressions").forEach(d -> write(world, cr, ns, d));
    }

    private static void write(World world, ObjectNode cr, String ns, JsonNode dest) {
        String name = dest.path("name").asText("");
        String key = dest.path("key").asText("");
        if (name.isEmpty() || key.isEmpty()) {
            return;
        }
        String uid = World.text(cr, "metadata.uid");
        String value = Base64.getEncoder().encodeToString(("from-aso:" + key).getBytes(StandardCharsets.UTF_8));
        Optional<ObjectNode> live = world.get(new ObjectRef("v1", "Secret", ns, name));
        if (live.isEmpty()) {
            ObjectNode s = Estates.secret(ns, name);
            s.with("metadata").putArray("ownerReferences").addObject().put("apiVersion", cr.path("apiVersion").asText())
                    .put("kind", cr.path("kind").asText()).put("name", World.text(cr, "metadata.name")).put("uid", uid)
                    .put("controller", true);
            s.with("data").put(key, value);
            world.createQuietly(s);
            return;
        }
        ObjectNode s = live.get();
        boolean mine = false;
        for (JsonNode o : s.path("metadata").path("ownerReferences")) {
            mine |= uid.equals(o.path("uid").asText());
        }
        if (mine && !s.path("data").has(key)) {
            s.with("data").put(key, value);
            world.update(s);
        }
    }

    /** Garbage collection of Secrets whose owner references all point at objects that no longer exist. */
    static void collect(World world) {
        List<ObjectNode> secrets = world.api.list("v1", "Secret", "");
        if (secrets.stream().allMatch(s -> s.path("metadata").path("ownerReferences").isEmpty())) {
            return;
        }
        Set<String> uids = new HashSet<>();
        for (World.Kind k : world.kinds) {
            for (ObjectNode o : world.all(k)) {
                uids.add(World.text(o, "metadata.uid"));
            }
        }
        for (ObjectNode s : secrets) {
            JsonNode owners = s.path("metadata").path("ownerReferences");
            if (!owners.isArray() || owners.isEmpty()) {
                continue;
            }
            boolean alive = false;
            for (JsonNode o : owners) {
                alive |= uids.contains(o.path("uid").asText());
            }
            if (!alive) {
                world.api.delete(ObjectRef.of(s));
            }
        }
    }

}
