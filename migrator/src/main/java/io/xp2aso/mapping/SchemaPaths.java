package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/** Field paths of an OpenAPI schema in mapping-file syntax (arrays are transparent, as in {@link FieldPath}). */
public final class SchemaPaths {
    private SchemaPaths() {
    }

    /** The schema at a dotted path below {@code schema}, or null when the path does not exist. */
    public static JsonNode at(JsonNode schema, String path) {
        JsonNode cur = schema;
        for (String seg : FieldPath.segments(path)) {
            cur = items(cur);
            if (cur.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !cur.has("properties")) {
                return cur;
            }
            JsonNode props = cur.path("properties");
            if (props.has(seg)) {
                cur = props.get(seg);
            } else if (cur.has("additionalProperties") && cur.get("additionalProperties").isObject()) {
                cur = cur.get("additionalProperties");
            } else {
                return null;
            }
        }
        return cur;
    }

    private static JsonNode items(JsonNode s) {
        JsonNode cur = s;
        while (cur.path("type").asText().equals("array") && cur.has("items")) {
            cur = cur.get("items");
        }
        return cur;
    }

    /**
     * Leaf paths: scalars, lists of scalars, maps (additionalProperties) and free-form objects are leaves; objects
     * with properties and lists of objects contribute their fields.
     */
    public static Set<String> leaves(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        collect(schema, "", out);
        return out;
    }

    /** The top-level field names. */
    public static Set<String> topLevel(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        items(schema).path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void collect(JsonNode s, String path, Set<String> out) {
        JsonNode cur = items(s);
        JsonNode props = cur.path("properties");
        if (props.isObject() && !props.isEmpty()) {
            props.fields().forEachRemaining(e -> collect(e.getValue(), FieldPath.join(path, e.getKey()), out));
        } else if (!path.isEmpty()) {
            out.add(path);
        }
    }
}
