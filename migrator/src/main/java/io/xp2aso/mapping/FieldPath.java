package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A dotted field path as written in mapping files ({@code networkRules.defaultAction}, {@code sku.name}).
 * Reading is transparent to single-item arrays: upjet v1beta1 writes Terraform blocks as one-item lists
 * ({@code networkRules: [{...}]}) and v1beta2 as objects ({@code networkRules: {...}}); one path reads both.
 * The empty path ("" or ".") is the root itself (the list element inside {@code each}).
 */
public final class FieldPath {
    private FieldPath() {
    }

    /** Thrown when a path crosses a list of several items: the rule must use {@code each}. */
    public static final class ListCrossed extends RuntimeException {
        private final String at;

        ListCrossed(String at, int size) {
            super("crosses the list `" + at + "` of " + size + " items (map the list with `each`)");
            this.at = at;
        }

        public String at() {
            return at;
        }
    }

    public static List<String> segments(String path) {
        if (path == null || path.isEmpty() || path.equals(".")) {
            return List.of();
        }
        List<String> known = SEGMENTS.get(path);
        if (known != null) {
            return known;
        }
        List<String> segs = List.of(path.split("\\."));
        // The catalog's rules read the same few hundred paths for every MR: split each once. Bounded, because leaf
        // paths of the MRs themselves (Coverage, SchemaPaths) come through here too.
        if (SEGMENTS.size() < MAX_CACHED) {
            SEGMENTS.putIfAbsent(path, segs);
        }
        return segs;
    }

    private static final int MAX_CACHED = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> SEGMENTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static String join(String prefix, String path) {
        if (prefix == null || prefix.isEmpty() || prefix.equals(".")) {
            return path == null || path.equals(".") ? "" : path;
        }
        if (path == null || path.isEmpty() || path.equals(".")) {
            return prefix;
        }
        return prefix + "." + path;
    }

    /** The value at the path, or null when absent (JSON null counts as absent). */
    public static JsonNode read(JsonNode root, String path) {
        JsonNode cur = root;
        List<String> segs = segments(path);
        for (int i = 0; i < segs.size(); i++) {
            if (cur != null && cur.isArray() && cur.size() > 1) {
                throw new ListCrossed(String.join(".", segs.subList(0, i)), cur.size());
            }
            cur = unwrap(cur, "");
            if (cur == null || !cur.isObject()) {
                return null;
            }
            cur = cur.get(segs.get(i));
            if (cur == null || cur.isNull()) {
                return null;
            }
        }
        return cur;
    }

    /** A single-item array stands for its item; an empty one for nothing; a longer one cannot be crossed. */
    private static JsonNode unwrap(JsonNode node, String at) {
        if (node != null && node.isArray()) {
            if (node.size() == 0) {
                return null;
            }
            if (node.size() > 1) {
                throw new ListCrossed(at, node.size());
            }
            return node.get(0);
        }
        return node;
    }

    /** Like {@link #read} but a crossed list of several items reads as absent (for lookups that report nothing). */
    public static JsonNode readSafe(JsonNode root, String path) {
        try {
            return read(root, path);
        } catch (ListCrossed e) {
            return null;
        }
    }

    /** The value at the path with a final single-item array of objects taken as its object (v1beta1 blocks). */
    public static JsonNode readBlock(JsonNode root, String path) {
        JsonNode v = read(root, path);
        if (v != null && v.isArray() && v.size() == 1 && v.get(0).isObject()) {
            return v.get(0);
        }
        return v;
    }

    /** Sets the value at the path below root, creating objects on the way. */
    public static void write(ObjectNode root, String path, JsonNode value) {
        List<String> segs = segments(path);
        if (segs.isEmpty()) {
            throw new IllegalArgumentException("cannot write the root");
        }
        ObjectNode parent = parentOf(root, segs);
        String last = segs.get(segs.size() - 1);
        JsonNode existing = parent.get(last);
        if (existing instanceof ObjectNode eo && value instanceof ObjectNode vo) {
            eo.setAll(vo); // two rules filling one object (e.g. sku.name and sku.tier from one split) merge
        } else {
            parent.set(last, value);
        }
    }

    /** Appends the value to the list at the path below root, creating it when absent. */
    public static void append(ObjectNode root, String path, JsonNode value) {
        List<String> segs = segments(path);
        ObjectNode parent = parentOf(root, segs);
        String last = segs.get(segs.size() - 1);
        JsonNode existing = parent.get(last);
        ArrayNode list = existing instanceof ArrayNode a ? a : parent.putArray(last);
        if (value instanceof ArrayNode va) {
            list.addAll(va);
        } else {
            list.add(value);
        }
    }

    private static ObjectNode parentOf(ObjectNode root, List<String> segs) {
        ObjectNode cur = root;
        for (int i = 0; i < segs.size() - 1; i++) {
            JsonNode next = cur.get(segs.get(i));
            if (!(next instanceof ObjectNode)) {
                next = cur.putObject(segs.get(i));
            }
            cur = (ObjectNode) next;
        }
        return cur;
    }

    /** True when path equals prefix or lies below it. */
    public static boolean isUnder(String path, String prefix) {
        return prefix.isEmpty() || path.equals(prefix) || isInside(path, prefix);
    }

    /**
     * True when {@code path} starts with {@code prefix} followed by a dot. Without building {@code prefix + "."}: the
     * map stage asks this for every leaf of every MR against every path its mapping reads.
     */
    public static boolean isInside(String path, String prefix) {
        int n = prefix.length();
        return path.length() > n && path.charAt(n) == '.' && path.startsWith(prefix);
    }
}
