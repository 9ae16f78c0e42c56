package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One ASO object as a Helm template: the probe with every patch applied ({@code all}) says where each marker lands;
 * the probe with every optional patch left out ({@code none}) gives what stays when its source field is missing.
 * Anything that differs between them and is not a marker, or a marker the mapping changed, is refused: the chart
 * must reproduce migrate exactly or not exist.
 */
final class TemplateTree {
    /** A node of the annotated object; cond is a Go condition (null: always present). */
    private sealed interface Node permits Lit, Expr, MapN, ListN {
        String cond();
    }

    private record Lit(JsonNode value) implements Node {
        public String cond() {
            return null;
        }
    }

    /** parts: literal text at even indexes, marker ids at odd ones; fallback when cond is false (null: absent). */
    private record Expr(List<String> parts, String cond, Node fallback, JsonNode fallbackJson) implements Node {
    }

    private record MapN(Map<String, Node> fields, String cond) implements Node {
    }

    private record ListN(List<Node> items, String cond) implements Node {
    }

    private final Predicate<String> optional;
    private final Set<String> used = new TreeSet<>();
    private final String where;

    /** Map paths (keys from the object's root) where existing instances add values only the cluster knew. */
    private final Set<List<String>> liveSlots;
    /** The dig keys of this object's live values in .Values ("xp2aso" "live" resource index). */
    private final String liveKeys;

    /** optional: whether a marker id is an optional patch (its $ok can be false). */
    TemplateTree(Predicate<String> optional, String where, Set<List<String>> liveSlots, String liveKeys) {
        this.optional = optional;
        this.where = where;
        this.liveSlots = liveSlots;
        this.liveKeys = liveKeys;
    }

    /** Marker ids the emitted template refers to. */
    Set<String> used() {
        return used;
    }

    String emit(JsonNode all, JsonNode none) {
        Node root = annotate(all, none, "", false);
        StringBuilder sb = new StringBuilder();
        if (!(root instanceof MapN m)) {
            throw new Untranslatable(where + ": not an object");
        }
        fields(m, "", sb, List.of());
        return sb.toString();
    }

    private Untranslatable refuse(String path, String why) {
        return new Untranslatable(where + " " + (path.isEmpty() ? "(root)" : path) + ": " + why, path);
    }

    /** The conditions of the markers inside a structure that exists only with optional values (see annotate). */
    private Set<String> freeConds = new TreeSet<>();

    /**
     * free: an ancestor is absent without the optional values, so this node exists exactly when that ancestor does:
     * its literals need no counterpart and its markers' conditions become the ancestor's, which must be one.
     */
    private Node annotate(JsonNode all, JsonNode none, String path, boolean free) {
        if (!free && none == null && (all.isObject() || all.isArray())) {
            Set<String> outer = freeConds;
            freeConds = new TreeSet<>();
            Node n = annotate(all, null, path, true);
            Set<String> conds = freeConds;
            freeConds = outer;
            if (conds.size() != 1) {
                throw refuse(path, "is present only when optional values are set, and the chart cannot tell which"
                        + " (" + (conds.isEmpty() ? "none of its values comes from the XR" : String.join(", ", conds)) + ")");
            }
            String cond = conds.iterator().next();
            return n instanceof MapN m ? new MapN(m.fields(), cond) : new ListN(((ListN) n).items(), cond);
        }
        if (all.isTextual() && Markers.split(all.asText()).size() > 1) {
            List<String> parts = Markers.split(all.asText());
            Set<String> conds = new TreeSet<>();
            for (int i = 0; i < parts.size(); i++) {
                if (i % 2 == 0 && Markers.hasResidue(parts.get(i))) {
                    throw refuse(path, "the mapping transforms a value that comes from the XR beyond copying it");
                }
                if (i % 2 == 1) {
                    used.add(parts.get(i));
                    if (optional.test(parts.get(i))) {
                        conds.add("$ok" + parts.get(i).substring(1));
                    }
                }
            }
            String cond = conds.isEmpty() ? null : conds.size() == 1 ? conds.iterator().next()
                    : "(and " + String.join(" ", conds) + ")";
            if (free) {
                if (cond != null) {
                    freeConds.add(cond);
                }
                return new Expr(parts, null, null, null);
            }
            if (cond == null) {
                if (none == null || !none.equals(all)) {
                    throw refuse(path, "differs when optional values are missing in a way the chart cannot attribute");
                }
                return new Expr(parts, null, null, null);
            }
            Node fallback = none == null ? null : annotate(none, none, path, false);
            if (fallback != null && fallback.cond() != null) {
                throw refuse(path, "fallback depends on other optional values");
            }
            return new Expr(parts, cond, fallback, none);
        }
        if (all.isObject()) {
            if (none != null && !none.isObject()) {
                throw refuse(path, "is an object only when optional values are set");
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = all.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (Markers.split(e.getKey()).size() > 1 || Markers.hasResidue(e.getKey())) {
                    throw refuse(path + "." + e.getKey(), "a map key comes from the XR");
                }
                fields.put(e.getKey(), annotate(e.getValue(), none == null ? null : none.get(e.getKey()),
                        path + "." + e.getKey(), free));
            }
            if (none != null) {
                Iterator<String> names = none.fieldNames();
                while (names.hasNext()) {
                    String n = names.next();
                    if (!all.has(n)) {
                        throw refuse(path + "." + n, "is present only when optional values are missing");
                    }
                }
            }
            return new MapN(fields, null);
        }
        if (all.isArray()) {
            if (!free && (!none.isArray() || none.size() != all.size())) {
                throw refuse(path, "a list whose length depends on optional values");
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Node n = annotate(all.get(i), none == null ? null : none.get(i), path + "[" + i + "]", free);
                if (n.cond() != null && !(n instanceof Expr x && x.fallback() != null)) {
                    throw refuse(path + "[" + i + "]", "a list item that depends on optional values");
                }
                items.add(n);
            }
            return new ListN(items, null);
        }
        if (all.isTextual() && Markers.hasResidue(all.asText())) {
            throw refuse(path, "the mapping transforms a value that comes from the XR beyond copying it");
        }
        if (free) {
            return new Lit(all);
        }
        if (none == null || !none.equals(all)) {
            throw refuse(path, "depends on optional values in a way the chart cannot attribute (with every value: "
                    + all + ", without the optional ones: " + (none == null ? "absent" : none) + ")");
        }
        return new Lit(all);
    }

    // ---- emission: block YAML with JSON scalars (valid YAML), Go actions for what comes from values -----------

    private void fields(MapN m, String indent, StringBuilder sb, List<String> path) {
        for (Map.Entry<String, Node> e : m.fields().entrySet()) {
            Node n = e.getValue();
            String key = indent + GoTemplateText.json(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey())) + ":";
            boolean wrap = n.cond() != null && !(n instanceof Expr x && x.fallback() != null);
            if (wrap) {
                sb.append("{{- if ").append(n.cond()).append(" }}\n");
            }
            List<String> child = new ArrayList<>(path);
            child.add(e.getKey());
            value(n, key, indent, sb, child);
            if (wrap) {
                sb.append("{{- end }}\n");
            }
        }
        if (liveSlots.contains(path)) {
            live(m, indent, sb, path);
        }
    }

    /**
     * Values migrate took from the live object (--observed) for an existing instance: its values file carries them
     * under xp2aso.live, and they are added here to the keys the chart itself writes.
     */
    private void live(MapN m, String indent, StringBuilder sb, List<String> path) {
        StringBuilder dig = new StringBuilder(liveKeys);
        path.forEach(k -> dig.append(' ').append(GoTemplateText.str(k)));
        StringBuilder own = new StringBuilder("(list");
        m.fields().keySet().forEach(k -> own.append(' ').append(GoTemplateText.str(k)));
        own.append(')');
        sb.append("{{- range $k, $v := dig ").append(dig).append(" (dict) $.Values.AsMap }}\n")
                .append("{{- if not (has $k ").append(own).append(") }}\n")
                .append(indent).append("{{ $k | toJson }}: {{ $v | toJson }}\n")
                .append("{{- end }}\n{{- end }}\n");
    }

    /** Writes "head value" lines; head is "indent key:" or "indent-". */
    private void value(Node n, String head, String indent, StringBuilder sb, List<String> path) {
        if (n instanceof MapN m) {
            if (m.fields().isEmpty()) {
                sb.append(head).append(" {}\n");
                return;
            }
            sb.append(head).append('\n');
            fields(m, indent + "  ", sb, path);
        } else if (n instanceof ListN l) {
            if (l.items().isEmpty()) {
                sb.append(head).append(" []\n");
                return;
            }
            sb.append(head).append('\n');
            for (Node item : l.items()) {
                value(item, indent + "  -", indent + "    ", sb, List.of("\u0000list"));
            }
        } else if (n instanceof Lit lit) {
            sb.append(head).append(' ').append(scalar(lit.value())).append('\n');
        } else {
            Expr x = (Expr) n;
            String expr = "{{ " + expression(x.parts()) + " | toJson }}";
            if (x.cond() != null && x.fallback() != null) {
                expr = "{{ if " + x.cond() + " }}" + expr + "{{ else }}" + inline(x) + "{{ end }}";
            }
            sb.append(head).append(' ').append(expr).append('\n');
        }
    }

    /** A fallback on one line: a JSON literal or an expression without condition. */
    private String inline(Expr x0) {
        Node n = x0.fallback();
        if (n instanceof Lit lit) {
            return scalar(lit.value());
        }
        if ((n instanceof MapN || n instanceof ListN) && Markers.split(GoTemplateText.json(x0.fallbackJson())).size() == 1) {
            return scalar(x0.fallbackJson());
        }
        if (n instanceof Expr x && x.cond() == null) {
            return "{{ " + expression(x.parts()) + " | toJson }}";
        }
        throw new Untranslatable(where + ": a missing optional value falls back to a structure that comes from the XR");
    }

    private static String scalar(JsonNode v) {
        String json = GoTemplateText.json(v);
        // Literal text containing "{{" would be read as a template action.
        return json.contains("{{") ? "{{ " + GoTemplateText.str(json) + " }}" : json;
    }

    /** The Go expression for a marker-bearing string: the value itself, or the parts printed together. */
    private static String expression(List<String> parts) {
        if (parts.size() == 3 && parts.get(0).isEmpty() && parts.get(2).isEmpty()) {
            return ref(parts.get(1));
        }
        StringBuilder fmt = new StringBuilder();
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                fmt.append(parts.get(i).replace("%", "%%"));
            } else {
                fmt.append("%v");
                args.append(' ').append(ref(parts.get(i)));
            }
        }
        return "printf " + GoTemplateText.str(fmt.toString()) + args;
    }

    static String ref(String id) {
        return switch (id.charAt(0)) {
            case 'p' -> "$p" + id.substring(1);
            case 'n' -> "$n" + id.substring(1);
            case 'u' -> "$.Release.Name";
            case 's' -> "$.Release.Namespace";
            case 'x' -> "$xrName";
            default -> throw new IllegalArgumentException(id);
        };
    }
}
