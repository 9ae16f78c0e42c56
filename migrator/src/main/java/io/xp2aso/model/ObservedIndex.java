package io.xp2aso.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live objects from --observed (a `kubectl get -o yaml` stream) or a cluster, indexed for lookup:
 * by group/kind/namespace/name, and composed resources by their owning XR and composition-resource-name.
 * This is how cluster-only facts (generated names, external names, Azure IDs, atProvider) reach the pipeline.
 */
public final class ObservedIndex {
    public static final ObservedIndex EMPTY = new ObservedIndex(List.of());

    private final List<Manifest> all;
    private final Map<String, Manifest> byId;
    private final Map<String, Manifest> byComposite;

    public ObservedIndex(List<Manifest> objects) {
        this.all = List.copyOf(objects);
        byId = new HashMap<>(objects.size() * 4 / 3 + 16);
        byComposite = new HashMap<>(objects.size() * 4 / 3 + 16);
        // A snapshot holds tens of thousands of objects: their keys are read on every core, then filed in order (a
        // later duplicate replaces an earlier one, as it always did).
        List<Keys> keys = (objects.size() < 4096 ? objects.stream() : objects.parallelStream()).map(Keys::of).toList();
        for (int i = 0; i < objects.size(); i++) {
            Manifest m = objects.get(i);
            Keys k = keys.get(i);
            byId.put(k.id(), m);
            if (k.composed() != null) {
                byComposite.put(k.composed(), m);
            }
        }
    }

    /** An object's key by identity, and by owning XR and composition-resource-name (null when it has neither). */
    private record Keys(String id, String composed) {
        static Keys of(Manifest m) {
            String composite = m.label("crossplane.io/composite");
            String resourceName = m.annotation("crossplane.io/composition-resource-name");
            return new Keys(key(m.group(), m.kind(), m.namespace(), m.name()),
                    composite.isEmpty() || resourceName.isEmpty() ? null : composite + "\u0000" + resourceName);
        }
    }

    public List<Manifest> all() {
        return all;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public Optional<Manifest> find(String group, String kind, String namespace, String name) {
        return Optional.ofNullable(byId.get(key(group, kind, namespace == null ? "" : namespace, name)));
    }

    /** The live composed resource of an XR (by the XR's name and the template's composition-resource-name). */
    public Optional<Manifest> composed(String compositeName, String resourceName) {
        return Optional.ofNullable(byComposite.get(compositeName + "\u0000" + resourceName));
    }

    /** The observed XR bound to a claim, found through the claim's spec.resourceRef when present. */
    public Optional<Manifest> compositeOfClaim(Manifest claim) {
        Optional<Manifest> liveClaim = find(claim.group(), claim.kind(), claim.namespace(), claim.name());
        JsonNode ref = liveClaim.map(c -> c.node().path("spec").path("resourceRef")).orElse(claim.node().path("spec").path("resourceRef"));
        if (ref.isMissingNode() || ref.path("name").asText("").isEmpty()) {
            return Optional.empty();
        }
        String av = ref.path("apiVersion").asText("");
        String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : av;
        return find(group, ref.path("kind").asText(""), "", ref.path("name").asText());
    }

    private static String key(String group, String kind, String namespace, String name) {
        return group + "/" + kind + "/" + namespace + "/" + name;
    }
}
