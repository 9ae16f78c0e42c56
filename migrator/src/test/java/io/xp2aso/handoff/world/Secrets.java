package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import io.xp2aso.source.Yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connection Secrets in the world: ASO under manage writes the Secrets its operatorSpec.secrets and secretExpressions
 * name (in its namespace, owned by the ASO object, with exactly the keys it writes; it never overwrites a Secret
 * someone else owns, as ASO refuses to), and Kubernetes garbage collection deletes a Secret whose owners are all gone (Crossplane's connection Secrets
 * are owned by their MR or claim) unless they were deleted with propagationPolicy Orphan: then the Secret stays,
 * without owner. Values are stand-ins; tests only look at key names.
 */
final class Secrets {
    private Secrets() {
    }

    static void writeFor(World world, ObjectNode cr) {
        String ns = World.text(cr, "metadata.namespace");
        JsonNode op = cr.path("spec").path("operatorSpec");
        Map<String, List<String>> keysByName = new LinkedHashMap<>();
        for (String list : List.of("secrets", "secretExpressions")) {
            op.path(list).forEach(d -> {
                String name = d.path("name").asText("");
                String key = d.path("key").asText("");
                if (!name.isEmpty() && !key.isEmpty()) {
                    keysByName.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
                }
            });
        }
        keysByName.forEach((name, keys) -> write(world, cr, ns, name, keys));
    }

    /** ASO writes a Secret it owns with exactly its keys (the data is replaced, not merged). */
    private static void write(World world, ObjectNode cr, String ns, String name, List<String> keys) {
        String uid = World.text(cr, "metadata.uid");
        ObjectNode data = Yaml.JSON.createObjectNode();
        for (String key : keys) {
            data.put(key, Base64.getEncoder().encodeToString(("from-aso:" + key).getBytes(StandardCharsets.UTF_8)));
        }
        Optional<ObjectNode> live = world.get(new ObjectRef("v1", "Secret", ns, name));
        if (live.isEmpty()) {
            ObjectNode s = Estates.secret(ns, name);
            s.with("metadata").putArray("ownerReferences").addObject().put("apiVersion", cr.path("apiVersion").asText())
                    .put("kind", cr.path("kind").asText()).put("name", World.text(cr, "metadata.name")).put("uid", uid)
                    .put("controller", true);
            s.set("data", data);
            world.createQuietly(s);
            return;
        }
        ObjectNode s = live.get();
        boolean mine = false;
        for (JsonNode o : s.path("metadata").path("ownerReferences")) {
            mine |= uid.equals(o.path("uid").asText());
        }
        if (mine && !data.equals(s.path("data"))) {
            s.set("data", data);
            world.update(s);
        }
    }

    /**
     * Garbage collection of Secrets: references to owners deleted with propagationPolicy Orphan are removed (the Secret
     * stays), and a Secret whose owner references all point at objects that no longer exist is deleted.
     */
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
            boolean orphaned = false;
            for (java.util.Iterator<JsonNode> it = owners.iterator(); it.hasNext(); ) {
                if (world.dispatcher.orphaned(it.next().path("uid").asText())) {
                    it.remove();
                    orphaned = true;
                }
            }
            if (orphaned) {
                world.update(s);
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
