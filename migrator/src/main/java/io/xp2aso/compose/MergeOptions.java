package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * How a patch writes its destination (crossplane-runtime MergeOptions, merged with mergo). {@code null} options
 * mean Replace. keepMapValues: existing non-empty destination values win; otherwise non-empty source values
 * overwrite. appendSlice: arrays are concatenated, destination first.
 */
public record MergeOptions(boolean keepMapValues, boolean appendSlice) {

    /** PT's policy.toFieldPath; null for Replace. */
    public static MergeOptions fromPolicy(String policy) {
        return switch (policy) {
            case "", "Replace" -> null;
            case "MergeObjects", "MergeObject" -> new MergeOptions(true, false);
            case "MergeObjectsAppendArrays" -> new MergeOptions(true, true);
            case "ForceMergeObjects" -> new MergeOptions(false, false);
            case "ForceMergeObjectsAppendArrays", "AppendArray" -> new MergeOptions(false, true);
            default -> throw new RenderException("invalid patch policy " + policy);
        };
    }

    /** Writes value at path with these options (null = replace), as Paved.MergeValue does. */
    public static void mergeValue(ObjectNode root, java.util.List<FieldPath.Segment> path, JsonNode value, MergeOptions mo) {
        JsonNode dst = null;
        if (mo != null) {
            try {
                dst = getAt(root, path);
            } catch (RenderException e) {
                if (!e.notFound()) {
                    throw e;
                }
            }
        }
        JsonNode merged = mo == null ? value : mo.merge(dst, value);
        FieldPath.set(root, path, merged);
    }

    private static JsonNode getAt(JsonNode root, java.util.List<FieldPath.Segment> path) {
        JsonNode it = root;
        for (int i = 0; i < path.size(); i++) {
            FieldPath.Segment s = path.get(i);
            if (GoValues.isNil(it) && i > 0) {
                throw new RenderException("no such field", true);
            }
            if (s.isIndex()) {
                if (!(it instanceof ArrayNode a)) {
                    throw new RenderException(FieldPath.print(path, i) + ": not an array");
                }
                if (s.index() >= a.size()) {
                    throw new RenderException("no such element", true);
                }
                it = a.get(s.index());
            } else {
                if (!(it instanceof ObjectNode o)) {
                    throw new RenderException(FieldPath.print(path, i) + ": not an object");
                }
                it = o.get(s.field());
                if (it == null) {
                    throw new RenderException("no such field", true);
                }
            }
        }
        return it;
    }

    /** The merged value (never mutates dst or src). */
    public JsonNode merge(JsonNode dst, JsonNode src) {
        if (GoValues.isNil(dst) || GoValues.isNil(src)) {
            return src == null ? GoValues.NODES.nullNode() : src;
        }
        if (src.isArray() && dst.isArray() && appendSlice) {
            // Items already in the destination are not appended twice (top-level arrays only).
            ArrayNode out = ((ArrayNode) dst).deepCopy();
            for (JsonNode item : src) {
                boolean present = false;
                for (JsonNode d : dst) {
                    if (GoValues.deepEqual(d, item)) {
                        present = true;
                        break;
                    }
                }
                if (!present) {
                    out.add(item.deepCopy());
                }
            }
            return out;
        }
        return mergeNested(dst, src);
    }

    private JsonNode mergeNested(JsonNode dst, JsonNode src) {
        if (dst instanceof ObjectNode d && src instanceof ObjectNode s) {
            ObjectNode out = d.deepCopy();
            Iterator<Map.Entry<String, JsonNode>> it = s.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode existing = out.get(e.getKey());
                out.set(e.getKey(), mergeEntry(existing, e.getValue()));
            }
            return out;
        }
        return mergeEntry(dst, src);
    }

    private JsonNode mergeEntry(JsonNode dst, JsonNode src) {
        if (dst == null || isEmpty(dst)) {
            return src.deepCopy();
        }
        if (dst.isObject() && src.isObject()) {
            return mergeNested(dst, src);
        }
        if (dst.isArray() && src.isArray() && appendSlice) {
            ArrayNode out = ((ArrayNode) dst).deepCopy();
            src.forEach(x -> out.add(x.deepCopy()));
            return out;
        }
        if (keepMapValues || isEmpty(src)) {
            return dst;
        }
        return src.deepCopy();
    }

    /** mergo's notion of an empty value: nil, "", 0, false, empty map or array. */
    static boolean isEmpty(JsonNode v) {
        if (GoValues.isNil(v)) {
            return true;
        }
        if (v.isTextual()) {
            return v.asText().isEmpty();
        }
        if (v.isBoolean()) {
            return !v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() == 0;
        }
        return (v.isObject() || v.isArray()) && v.size() == 0;
    }
}
