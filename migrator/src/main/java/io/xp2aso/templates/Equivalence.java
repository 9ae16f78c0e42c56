package io.xp2aso.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether a chart's rendering is migrate's output: the same objects (by apiVersion, kind, namespace, name) with the
 * same content once xp2aso's own annotations are set aside. Both sides are read back from JSON text, so 3 from YAML
 * and 3 from the mapper compare equal.
 */
final class Equivalence {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Equivalence() {
    }

    /** The first difference, or empty when the two are the same objects. */
    static Optional<String> difference(List<ObjectNode> expected, List<ObjectNode> rendered) {
        Map<String, JsonNode> want = byKey(expected);
        Map<String, JsonNode> got = byKey(rendered);
        for (String k : want.keySet()) {
            if (!got.containsKey(k)) {
                return Optional.of("the chart does not make " + k);
            }
        }
        for (String k : got.keySet()) {
            if (!want.containsKey(k)) {
                return Optional.of("the chart makes " + k + ", which migrate does not");
            }
        }
        for (Map.Entry<String, JsonNode> e : want.entrySet()) {
            Optional<String> d = diff(e.getValue(), got.get(e.getKey()), "");
            if (d.isPresent()) {
                return Optional.of(e.getKey() + " at " + d.get());
            }
        }
        return Optional.empty();
    }

    private static Map<String, JsonNode> byKey(List<ObjectNode> objects) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (ObjectNode o : objects) {
            m.put(AsoObjects.key(o), canonical(AsoObjects.normalise(o)));
        }
        return m;
    }

    static JsonNode canonical(JsonNode n) {
        try {
            return JSON.readTree(JSON.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> diff(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) {
            return Optional.empty();
        }
        if (a.isObject() && b.isObject()) {
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!b.has(n)) {
                    return Optional.of(path + "." + n + " (missing from the chart)");
                }
                Optional<String> d = diff(a.get(n), b.get(n), path + "." + n);
                if (d.isPresent()) {
                    return d;
                }
            }
            names = b.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!a.has(n)) {
                    return Optional.of(path + "." + n + " (only in the chart)");
                }
            }
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                Optional<String> d = diff(a.get(i), b.get(i), path + "[" + i + "]");
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.of(path + " (migrate: " + shorten(a) + ", chart: " + shorten(b) + ")");
    }

    private static String shorten(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
