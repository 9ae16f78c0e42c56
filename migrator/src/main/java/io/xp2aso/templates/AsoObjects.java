package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a chart must reproduce of an ASO object migrate writes: everything but xp2aso's own bookkeeping
 * ({@code xp2aso.io/*} labels and annotations) and the handoff's reconcile-policy annotation, which are not part of a
 * chart (the issue's only allowed differences).
 */
final class AsoObjects {
    static final String RECONCILE_POLICY = "serviceoperator.azure.com/reconcile-policy";

    private AsoObjects() {
    }

    static ObjectNode normalise(JsonNode object) {
        ObjectNode o = object.deepCopy();
        JsonNode md = o.get("metadata");
        if (md instanceof ObjectNode m) {
            for (String field : new String[]{"labels", "annotations"}) {
                if (m.get(field) instanceof ObjectNode map) {
                    List<String> drop = new ArrayList<>();
                    map.fieldNames().forEachRemaining(k -> {
                        if (k.startsWith("xp2aso.io/") || k.equals(RECONCILE_POLICY)) {
                            drop.add(k);
                        }
                    });
                    map.remove(drop);
                    if (map.isEmpty()) {
                        m.remove(field);
                    }
                }
            }
        }
        return o;
    }

    /** kind/namespace/name: how an object is matched between two renderings. */
    static String key(JsonNode o) {
        return o.path("apiVersion").asText("") + " " + o.path("kind").asText("") + " "
                + o.path("metadata").path("namespace").asText("") + "/" + o.path("metadata").path("name").asText("");
    }
}
