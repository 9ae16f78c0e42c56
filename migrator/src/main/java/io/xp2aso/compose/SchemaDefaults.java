package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Structural defaulting of an openAPIV3Schema, as the Kubernetes API server applies it to every claim and XR before
 * Crossplane sees them (apiextensions-apiserver, pkg/apiserver/schema/defaulting): a null that the schema does not
 * allow (not {@code nullable}) is dropped, then each missing property with a {@code default} gets a copy of it, and
 * the walk goes on into every property present, defaulted ones included, so {@code default: {}} on an object brings
 * its children's defaults. Array items and {@code additionalProperties} values are walked too. A null kept because
 * the property is nullable is not defaulted.
 */
public final class SchemaDefaults {
    private SchemaDefaults() {
    }

    /** Applies the defaults of {@code schema} to {@code value} in place. */
    public static void apply(JsonNode value, JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (value instanceof ObjectNode o) {
            JsonNode props = schema.path("properties");
            List<String> nulls = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode prop = props.get(e.getKey());
                if (e.getValue().isNull() && prop != null && !prop.path("nullable").asBoolean(false)) {
                    nulls.add(e.getKey());
                }
            }
            nulls.forEach(o::remove);
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode def = e.getValue().get("default");
                if (def != null && !o.has(e.getKey())) {
                    o.set(e.getKey(), def.deepCopy());
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode prop = props.get(e.getKey());
                apply(e.getValue(), prop != null ? prop : additional);
            }
        } else if (value instanceof ArrayNode a) {
            JsonNode items = schema.get("items");
            for (JsonNode item : a) {
                apply(item, items);
            }
        }
    }
}
