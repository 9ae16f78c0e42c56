package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connection Secrets of a unit (#13.9): the claim's (in its namespace), the XR's (only when there is no claim:
 * with a claim, Crossplane copies it into the claim's and nothing else reads it), and each MR's; each paired with the
 * Secret of the same name that the unit's ASO resources write (operatorSpec.secrets / secretExpressions), in the
 * Secret's own namespace when one does, else in another. A claim's or lone XR's Secret nothing replaces blocks the
 * unit: after retire its consumers would find it gone.
 */
final class ConnectionSecrets {
    private ConnectionSecrets() {
    }

    static List<ConnectionSecret> of(Unit u, List<MappedResource> resources, List<String> blockers) {
        // Secrets the ASO resources write: "namespace/name" -> keys, and who writes them.
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Map<String, Set<String>> writers = new LinkedHashMap<>();
        for (MappedResource mr : resources) {
            for (ObjectNode t : mr.targets()) {
                String ns = t.path("metadata").path("namespace").asText("");
                String who = ObjectRef.of(t).display();
                JsonNode op = t.path("spec").path("operatorSpec");
                op.path("secrets").forEach(d -> written(keys, writers, ns, d, who));
                op.path("secretExpressions").forEach(d -> written(keys, writers, ns, d, who));
            }
        }
        List<ConnectionSecret> out = new ArrayList<>();
        Manifest claim = u.claim();
        if (claim != null) {
            String name = claim.node().path("spec").path("writeConnectionSecretToRef").path("name").asText("");
            if (!name.isEmpty()) {
                out.add(pair("claim " + ObjectRef.of(claim.node()).display(), true, claim.namespace(), name, keys, writers));
            }
        } else if (u.composite() != null) {
            JsonNode xr = u.compositeSource() != null ? u.compositeSource().node() : u.composite();
            JsonNode ref = xr.path("spec").path("writeConnectionSecretToRef");
            if (!ref.path("name").asText("").isEmpty()) {
                out.add(pair("XR " + ObjectRef.of(xr).display(), true, ref.path("namespace").asText(u.namespace()),
                        ref.path("name").asText(), keys, writers));
            }
        }
        for (MappedResource mr : resources) {
            JsonNode live = mr.source().observed() != null ? mr.source().observed().node() : mr.source().object();
            JsonNode ref = live.path("spec").path("writeConnectionSecretToRef");
            String name = ref.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            String ns = ref.path("namespace").asText(live.path("metadata").path("namespace").asText(""));
            out.add(pair("MR " + ObjectRef.of(live).display(), false, ns, name, keys, writers));
        }
        for (ConnectionSecret s : out) {
            if (s.consumerFacing() && s.replacement().isEmpty()) {
                blockers.add("connection Secret " + s.display() + " of the " + s.writer() + " has no replacement: no ASO "
                        + "resource of the unit writes a Secret named " + s.name() + ", and after retire nothing writes it any "
                        + "more (it stays, without owner), so its consumers would break. Add operatorSpec.secrets or secretExpressions writing it (same "
                        + "name and keys) to the unit's ASO resources, or move its consumers, then make the plan again");
            }
        }
        return out;
    }

    private static void written(Map<String, Set<String>> keys, Map<String, Set<String>> writers, String ns, JsonNode dest,
                                String who) {
        String name = dest.path("name").asText("");
        String key = dest.path("key").asText("");
        if (name.isEmpty() || key.isEmpty()) {
            return;
        }
        keys.computeIfAbsent(ns + "/" + name, k -> new LinkedHashSet<>()).add(key);
        writers.computeIfAbsent(ns + "/" + name, k -> new LinkedHashSet<>()).add(who);
    }

    private static ConnectionSecret pair(String writer, boolean consumerFacing, String ns, String name,
                                         Map<String, Set<String>> keys, Map<String, Set<String>> writers) {
        String replacement = keys.containsKey(ns + "/" + name) ? ns + "/" + name
                : keys.keySet().stream().filter(k -> k.endsWith("/" + name)).findFirst().orElse("");
        return new ConnectionSecret(writer, consumerFacing, ns, name, replacement,
                replacement.isEmpty() ? List.of() : new ArrayList<>(keys.get(replacement)),
                replacement.isEmpty() ? List.of() : new ArrayList<>(writers.get(replacement)));
    }
}
