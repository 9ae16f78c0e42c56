package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renames the older field names of a mapping file ({@code olderNames}) in a copy of an MR's forProvider,
 * initProvider or atProvider, so that the rules, written for the current provider's names, read them. Lists on
 * the way (a Terraform block in v1beta1, a list of rules) are renamed in every item. The original tree is never
 * changed; when no older name is present it is returned as is.
 */
final class OlderNames {
    /** The renamed tree, each current path renamed with the older path it came from, and what could not be renamed. */
    record Result(JsonNode tree, Map<String, String> renamed, List<String> problems) {
    }

    private OlderNames() {
    }

    static Result apply(List<OlderName> names, JsonNode tree) {
        if (names.isEmpty() || !(tree instanceof ObjectNode) || names.stream().noneMatch(n -> present(tree, FieldPath.segments(n.from()), 0))) {
            return new Result(tree, Map.of(), List.of());
        }
        ObjectNode copy = tree.deepCopy();
        Map<String, String> renamed = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (OlderName n : names) {
            List<String> from = FieldPath.segments(n.from());
            List<String> to = FieldPath.segments(n.to());
            int common = 0;
            while (common < from.size() - 1 && common < to.size() - 1 && from.get(common).equals(to.get(common))) {
                common++;
            }
            List<ObjectNode> holders = new ArrayList<>();
            holders(copy, from.subList(0, common), holders);
            boolean moved = false;
            for (ObjectNode h : holders) {
                moved |= move(h, from.subList(common, from.size()), to.subList(common, to.size()), n, problems);
            }
            if (moved) {
                renamed.put(n.to(), n.from());
            }
        }
        return new Result(copy, renamed, problems);
    }

    /** True when some value (in any list item on the way) is set at the path. */
    private static boolean present(JsonNode node, List<String> segs, int i) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (present(item, segs, i)) {
                    return true;
                }
            }
            return false;
        }
        if (i == segs.size()) {
            return true;
        }
        return node.isObject() && present(node.get(segs.get(i)), segs, i + 1);
    }

    /** The objects reached by the path, every item of the lists on the way included. */
    private static void holders(JsonNode node, List<String> segs, List<ObjectNode> out) {
        if (node instanceof ArrayNode a) {
            a.forEach(item -> holders(item, segs, out));
        } else if (node instanceof ObjectNode o) {
            if (segs.isEmpty()) {
                out.add(o);
            } else {
                holders(o.get(segs.get(0)), segs.subList(1, segs.size()), out);
            }
        }
    }

    /** Moves one value; true when the current path now holds the older one's value. */
    private static boolean move(ObjectNode holder, List<String> from, List<String> to, OlderName n, List<String> problems) {
        ObjectNode oldParent = descend(holder, from, false);
        String oldKey = from.get(from.size() - 1);
        JsonNode value = oldParent == null ? null : oldParent.get(oldKey);
        if (value == null || value.isNull()) {
            return false;
        }
        JsonNode converted = convert(value, n);
        if (converted == null) {
            problems.add(n.from() + " (the older name of " + n.to() + ") is `" + value.asText() + "`, which has no "
                    + "equivalent value of " + n.to() + (n.values() == null ? "" : " " + n.values().keySet()));
            return false;
        }
        ObjectNode newParent = descend(holder, to, true);
        if (newParent == null) {
            problems.add(n.from() + " (the older name of " + n.to() + ") could not be placed: " + n.to() + " crosses a list of several items");
            return false;
        }
        String newKey = to.get(to.size() - 1);
        JsonNode existing = newParent.get(newKey);
        boolean conflict = existing != null && !existing.isNull() && !existing.equals(converted);
        if (conflict) {
            problems.add(n.from() + " and its current name " + n.to() + " are both set and differ (`" + text(value)
                    + "`, `" + text(existing) + "`); " + n.to() + " is used");
        } else {
            newParent.set(newKey, converted);
        }
        oldParent.remove(oldKey);
        prune(holder, from.subList(0, from.size() - 1));
        return !conflict;
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Removes the blocks the move left empty ({@code trustPolicy: [{}]}): an empty block is a set field otherwise. */
    private static void prune(ObjectNode holder, List<String> segs) {
        if (segs.isEmpty()) {
            return;
        }
        JsonNode next = holder.get(segs.get(0));
        JsonNode inner = next instanceof ArrayNode a && a.size() == 1 ? a.get(0) : next;
        if (inner instanceof ObjectNode o) {
            prune(o, segs.subList(1, segs.size()));
            if (o.isEmpty()) {
                holder.remove(segs.get(0));
            }
        }
    }

    /** The object holding the path's last segment: single-item lists are crossed, objects created when asked. */
    private static ObjectNode descend(ObjectNode from, List<String> segs, boolean create) {
        ObjectNode cur = from;
        for (int i = 0; i < segs.size() - 1; i++) {
            JsonNode next = cur.get(segs.get(i));
            if (next instanceof ArrayNode a && a.size() == 1 && a.get(0) instanceof ObjectNode item) {
                next = item;
            }
            if (next instanceof ObjectNode o) {
                cur = o;
            } else if (create && (next == null || next.isNull())) {
                cur = cur.putObject(segs.get(i));
            } else {
                return null;
            }
        }
        return cur;
    }

    private static JsonNode convert(JsonNode value, OlderName n) {
        if (n.negate()) {
            if (value.isBoolean()) {
                return BooleanNode.valueOf(!value.asBoolean());
            }
            String t = value.asText();
            return t.equals("true") || t.equals("false") ? BooleanNode.valueOf(t.equals("false")) : null;
        }
        if (n.values() != null) {
            return value.isValueNode() ? n.values().get(value.asText()) : null;
        }
        return value;
    }
}
