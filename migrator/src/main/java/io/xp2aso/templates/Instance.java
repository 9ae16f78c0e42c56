package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.model.ComposedResource;

import java.util.ArrayList;
import java.util.List;

/**
 * An existing claim or XR re-expressed as chart values: its XR's spec as migrate rendered it (defaults applied),
 * plus, under {@code xp2aso}, what only the XR's metadata and the cluster knew (UID, labels, the names of its
 * composed resources), and the ASO objects migrate made of it, which the chart must reproduce.
 */
record Instance(String chart, String release, String namespace, String valuesPath, ObjectNode values,
                List<ObjectNode> expected, String subject) {

    static Instance of(String chart, MappedUnit mu) {
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
        ObjectNode res = x.putObject("resources");
        for (ComposedResource cr : mu.unit().resources()) {
            if (!cr.resourceName().isEmpty()) {
                res.putObject(cr.resourceName()).put("name", cr.object().path("metadata").path("name").asText(""));
            }
        }
        List<ObjectNode> expected = new ArrayList<>();
        String ns = "";
        for (MappedResource r : mu.resources()) {
            for (ObjectNode t : r.targets()) {
                expected.add(AsoObjects.normalise(t));
                if (ns.isEmpty()) {
                    ns = t.path("metadata").path("namespace").asText("");
                }
            }
        }
        if (ns.isEmpty()) {
            ns = mu.unit().namespace().isEmpty() ? "default" : mu.unit().namespace();
        }
        String release = mu.unit().name();
        return new Instance(chart, release, ns, "values/" + ns + "/" + release + ".yaml", values, expected,
                mu.unit().id());
    }
}
