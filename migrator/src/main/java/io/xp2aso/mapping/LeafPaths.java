package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leaf field paths of a forProvider tree, in mapping-file syntax: list indices are dropped (a list of objects
 * contributes its items' fields, a list of scalars is one leaf), empty objects and lists are leaves, nulls are absent.
 */
public final class LeafPaths {
    private LeafPaths() {
    }

    public static Set<String> of(JsonNode root) {
        return values(root).keySet();
    }

    /** Leaf path to its value (for lists of objects: the value of the last item seen). */
    public static Map<String, JsonNode> values(JsonNode root) {
        Map<String, JsonNode> out = new TreeMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                if (!path.isEmpty()) {
                    out.put(path, node);
                }
                return;
            }
            node.fields().forEachRemaining(e -> collect(e.getValue(), FieldPath.join(path, e.getKey()), out));
        } else if (node.isArray()) {
            boolean objects = false;
            for (JsonNode item : node) {
                if (item.isObject() || item.isArray()) {
                    objects = true;
                    collect(item, path, out);
                }
            }
            if (!objects && !path.isEmpty()) {
                out.put(path, node);
            }
        } else if (!path.isEmpty()) {
            out.put(path, node);
        }
    }

    public static Set<String> sorted(Set<String> paths) {
        return new TreeSet<>(paths);
    }
}
