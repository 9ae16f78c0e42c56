package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Composed objects (MRs and nested XRs) of the sources and the observed state, filed by who composes them, built
 * once and then only read (from every core).
 * <ul>
 *   <li>for rendering, by composition-resource-name: under the controller named by the object's owner reference
 *   (kind/name), else under its {@code crossplane.io/composite} label. Crossplane copies the top XR's label down to
 *   the resources of nested XRs, so a label alone cannot tell the XR's "rg" from its nested XR's "rg"; the owner
 *   reference can. Observed objects win over source ones.</li>
 *   <li>for the ownership check, every object by controller uid, controller kind/name and label.</li>
 * </ul>
 */
final class ComposedIndex {
    private final Map<String, Map<String, Manifest>> byController = new HashMap<>();
    private final Map<String, Map<String, Manifest>> byLabel = new HashMap<>();
    private final Map<String, List<Manifest>> ownedByUid = new HashMap<>();
    private final Map<String, List<Manifest>> ownedByName = new HashMap<>();
    private final Map<String, List<Manifest>> ownedByLabel = new HashMap<>();
    private final Map<String, Manifest> byKey = new HashMap<>();

    ComposedIndex(Estate estate, ObservedIndex observed) {
        for (ObjectKind k : ObjectKind.values()) {
            for (Manifest m : estate.all(k)) {
                file(m, false, k == ObjectKind.MANAGED || k == ObjectKind.COMPOSITE);
            }
        }
        for (Manifest m : observed.all()) {
            ObjectKind k = estate.classify(m);
            file(m, true, k == ObjectKind.MANAGED || k == ObjectKind.COMPOSITE);
        }
    }

    private void file(Manifest m, boolean wins, boolean composable) {
        String label = m.label(ComposedMetadata.COMPOSITE);
        String res = m.annotation(ComposedMetadata.RESOURCE_NAME);
        JsonNode controller = controller(m.node());
        if (!res.isEmpty() && (!label.isEmpty() || controller != null)) {
            Map<String, Map<String, Manifest>> index = controller != null ? byController : byLabel;
            String owner = controller != null ? controller.path("kind").asText("") + "/" + controller.path("name").asText("")
                    : label;
            Map<String, Manifest> byName = index.computeIfAbsent(owner, x -> new LinkedHashMap<>());
            if (wins || !byName.containsKey(res)) {
                byName.put(res, m);
            }
        }
        // Only what can be composed counts as owned (an XR's connection Secret has an owner reference too).
        if (!composable && res.isEmpty()) {
            return;
        }
        String key = key(m.group(), m.kind(), m.namespace(), m.name());
        if (byKey.containsKey(key) && !wins) {
            return;
        }
        Manifest before = byKey.put(key, m);
        if (before != null) {
            remove(before);
        }
        if (controller != null) {
            add(ownedByUid, controller.path("uid").asText(""), m);
            add(ownedByName, controller.path("kind").asText("") + "/" + controller.path("name").asText(""), m);
        }
        add(ownedByLabel, label, m);
    }

    private static void add(Map<String, List<Manifest>> index, String key, Manifest m) {
        if (!key.isEmpty() && !key.equals("/")) {
            index.computeIfAbsent(key, x -> new ArrayList<>()).add(m);
        }
    }

    private void remove(Manifest m) {
        for (Map<String, List<Manifest>> index : List.of(ownedByUid, ownedByName, ownedByLabel)) {
            index.values().forEach(l -> l.removeIf(x -> x == m));
        }
    }

    /** The composed objects of an XR by composition-resource-name: those it controls, then those only labelled with it. */
    Map<String, Manifest> composedOf(String xrKind, String xrName, String compositeLabel) {
        Map<String, Manifest> out = new LinkedHashMap<>(byLabel.getOrDefault(compositeLabel, Map.of()));
        out.putAll(byController.getOrDefault(xrKind + "/" + xrName, Map.of()));
        return out;
    }

    /** Objects whose controller owner reference is the XR (by uid when known, else by kind and name). */
    List<Manifest> controlledBy(String uid, String kind, String name) {
        List<Manifest> out = new ArrayList<>(uid.isEmpty() ? List.of() : ownedByUid.getOrDefault(uid, List.of()));
        for (Manifest m : ownedByName.getOrDefault(kind + "/" + name, List.of())) {
            String owner = controller(m.node()).path("uid").asText("");
            if ((uid.isEmpty() || owner.isEmpty()) && out.stream().noneMatch(x -> x == m)) {
                out.add(m);
            }
        }
        return out;
    }

    List<Manifest> labelled(String compositeLabel) {
        return ownedByLabel.getOrDefault(compositeLabel, List.of());
    }

    /** A composable object by identity, observed first. */
    Manifest find(String group, String kind, String namespace, String name) {
        return byKey.get(key(group, kind, namespace, name));
    }

    static JsonNode controller(JsonNode object) {
        for (JsonNode o : object.path("metadata").path("ownerReferences")) {
            if (o.path("controller").asBoolean(false)) {
                return o;
            }
        }
        return null;
    }

    static String key(String group, String kind, String namespace, String name) {
        return group + "/" + kind + "/" + namespace + "/" + name;
    }
}
