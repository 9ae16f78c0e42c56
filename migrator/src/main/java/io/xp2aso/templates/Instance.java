package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.model.ComposedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An existing claim or XR re-expressed as chart values: its XR's spec as migrate rendered it (defaults applied),
 * plus, under {@code xp2aso}, what only the XR's metadata and the cluster knew (UID, labels, the names of its
 * composed resources), and the ASO objects migrate made of it, which the chart must reproduce.
 */
record Instance(String chart, String release, String namespace, String valuesPath, ObjectNode values,
                List<ObjectNode> expected, String subject, Map<String, Set<List<String>>> liveSlots) {

    /**
     * fresh: the same unit mapped without the live objects (null when there were none). What migrate adds to an
     * object only from the live one (provider defaults it pins, observed-only fields) goes into the values file
     * under xp2aso.live.&lt;resource&gt;.&lt;index&gt;, and the map paths where it is added into liveSlots.
     * environment: what the Composition's environment patches read for this XR (null: it selects none).
     */
    static Instance of(String chart, MappedUnit mu, MappedUnit fresh, ObjectNode environment) {
        ObjectNode xr = mu.unit().composite();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        JsonNode spec = xr.path("spec");
        spec.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("resourceRefs")) {
                values.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        ObjectNode x = values.putObject("xp2aso");
        x.put("chart", chart);
        ObjectNode md = x.putObject("metadata");
        JsonNode xmd = xr.path("metadata");
        for (String f : new String[]{"name", "namespace", "uid", "labels", "annotations"}) {
            if (xmd.has(f)) {
                md.set(f, xmd.get(f).deepCopy());
            }
        }
        if (md.get("annotations") instanceof ObjectNode a) {
            a.remove("kubectl.kubernetes.io/last-applied-configuration");
        }
        if (environment != null) {
            x.set("environment", environment);
        }
        ObjectNode res = x.putObject("resources");
        for (ComposedResource cr : mu.unit().resources()) {
            if (!cr.resourceName().isEmpty()) {
                res.putObject(cr.resourceName()).put("name", cr.object().path("metadata").path("name").asText(""));
            }
        }
        List<ObjectNode> expected = new ArrayList<>();
        Map<String, ObjectNode> freshByKey = new HashMap<>();
        if (fresh != null) {
            fresh.resources().forEach(r -> r.targets().forEach(t -> freshByKey.put(AsoObjects.key(t),
                    Equivalence.canonical(AsoObjects.normalise(t)).deepCopy())));
        }
        Map<String, Set<List<String>>> slots = new TreeMap<>();
        ObjectNode live = JsonNodeFactory.instance.objectNode();
        String ns = "";
        for (MappedResource r : mu.resources()) {
            for (int i = 0; i < r.targets().size(); i++) {
                ObjectNode t = r.targets().get(i);
                expected.add(AsoObjects.normalise(t));
                ObjectNode f = freshByKey.get(AsoObjects.key(t));
                if (f != null && !r.source().resourceName().isEmpty()) {
                    Set<List<String>> at = new java.util.LinkedHashSet<>();
                    ObjectNode added = added((ObjectNode) Equivalence.canonical(AsoObjects.normalise(t)), f, List.of(), at);
                    if (!added.isEmpty()) {
                        live.with(r.source().resourceName()).set(String.valueOf(i), added);
                        slots.put(r.source().resourceName() + "#" + i, at);
                    }
                }
                if (ns.isEmpty()) {
                    ns = t.path("metadata").path("namespace").asText("");
                }
            }
        }
        if (ns.isEmpty()) {
            ns = mu.unit().namespace().isEmpty() ? "default" : mu.unit().namespace();
        }
        if (!live.isEmpty()) {
            x.set("live", live);
        }
        String release = mu.unit().name();
        return new Instance(chart, release, ns, "values/" + ns + "/" + release + ".yaml", values, expected,
                mu.unit().id(), slots);
    }

    /** The keys of `with` that `without` lacks (recursively through objects), and the paths of the maps they go in. */
    private static ObjectNode added(ObjectNode with, JsonNode without, List<String> path, Set<List<String>> at) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        with.fields().forEachRemaining(e -> {
            JsonNode other = without.get(e.getKey());
            if (other == null) {
                out.set(e.getKey(), e.getValue().deepCopy());
                at.add(path);
            } else if (e.getValue() instanceof ObjectNode o && other.isObject()) {
                List<String> child = new ArrayList<>(path);
                child.add(e.getKey());
                ObjectNode sub = added(o, other, child, at);
                if (!sub.isEmpty()) {
                    out.set(e.getKey(), sub);
                }
            }
        });
        return out;
    }
}
