package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a claim or XR against its XRD's openAPIV3Schema as the Kubernetes API server does: types (a number is
 * never a string), enums, required properties, patterns (RE2, Go's regexp), lengths, bounds, multipleOf, item and
 * property counts, uniqueItems, allOf/anyOf/oneOf/not, int-or-string. Unknown fields are not errors (the API server
 * prunes them); CEL rules and formats are not evaluated. Run it after {@link SchemaDefaults}, as the API server does.
 */
final class SchemaCheck {
    /** One violation: the path of the field (segments; an index as "[i]") and what is wrong. */
    record Violation(List<String> path, String message) {
        String dotted() {
            StringBuilder b = new StringBuilder();
            for (String s : path) {
                if (!s.startsWith("[") && b.length() > 0) {
                    b.append('.');
                }
                b.append(s);
            }
            return b.toString();
        }
    }

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    static List<Violation> check(JsonNode value, JsonNode schema, List<String> path) {
        List<Violation> out = new ArrayList<>();
        check(value, schema, new ArrayList<>(path), out);
        return out;
    }

    private static void check(JsonNode v, JsonNode s, List<String> path, List<Violation> out) {
        if (s == null || !s.isObject()) {
            return;
        }
        if (v.isNull()) {
            if (!s.path("nullable").asBoolean(false)) {
                add(out, path, "must not be null");
            }
            return;
        }
        int before = out.size();
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!(isInteger(v) || v.isTextual())) {
                add(out, path, "must be an integer or a string, not " + describe(v));
                return;
            }
        } else if (!type(v, s, path, out)) {
            return;
        }
        enumCheck(v, s, path, out);
        if (v.isTextual()) {
            string(v.asText(), s, path, out);
        } else if (v.isNumber()) {
            number(v.decimalValue(), s, path, out);
        } else if (v.isObject()) {
            object(v, s, path, out);
        } else if (v.isArray()) {
            array(v, s, path, out);
        }
        if (out.size() == before) {
            combinators(v, s, path, out);
        }
    }

    private static boolean type(JsonNode v, JsonNode s, List<String> path, List<Violation> out) {
        String type = s.path("type").asText("");
        boolean ok = switch (type) {
            case "string" -> v.isTextual();
            case "integer" -> isInteger(v);
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            default -> true;
        };
        if (!ok) {
            String hint = type.equals("string") && v.isNumber()
                    ? ": YAML reads an unquoted " + v.asText() + " as a number; quote it in the source" : "";
            add(out, path, "must be " + article(type) + ", not " + describe(v) + hint);
        }
        return ok;
    }

    /** JSON integers, and numbers with no fraction (Kubernetes decodes 1.0 as the integer 1). */
    private static boolean isInteger(JsonNode v) {
        if (v.isIntegralNumber()) {
            return true;
        }
        if (!v.isNumber() || v.isDouble() && Double.isNaN(v.doubleValue())) {
            return false;
        }
        BigDecimal d = v.decimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static void enumCheck(JsonNode v, JsonNode s, List<String> path, List<Violation> out) {
        JsonNode e = s.get("enum");
        if (e == null || !e.isArray()) {
            return;
        }
        for (JsonNode allowed : e) {
            if (same(allowed, v)) {
                return;
            }
        }
        List<String> names = new ArrayList<>();
        e.forEach(x -> names.add(x.isTextual() ? x.asText() : x.toString()));
        add(out, path, describe(v) + " is not one of " + names);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static void string(String text, JsonNode s, List<String> path, List<Violation> out) {
        int length = text.codePointCount(0, text.length());
        if (s.has("minLength") && length < s.get("minLength").asLong()) {
            add(out, path, describe(text) + " is shorter than " + s.get("minLength").asLong() + " characters");
        }
        if (s.has("maxLength") && length > s.get("maxLength").asLong()) {
            add(out, path, describe(text) + " is longer than " + s.get("maxLength").asLong() + " characters");
        }
        if (s.hasNonNull("pattern")) {
            Pattern p = pattern(s.get("pattern").asText());
            if (p != null && !p.matcher(text).find()) {
                add(out, path, describe(text) + " does not match the pattern " + s.get("pattern").asText());
            }
        }
    }

    private static void number(BigDecimal d, JsonNode s, List<String> path, List<Violation> out) {
        if (s.has("minimum")) {
            int c = d.compareTo(s.get("minimum").decimalValue());
            boolean exclusive = s.path("exclusiveMinimum").asBoolean(false);
            if (c < 0 || exclusive && c == 0) {
                add(out, path, d.toPlainString() + " is below the minimum " + (exclusive ? "(exclusive) " : "") + s.get("minimum").asText());
            }
        }
        if (s.has("maximum")) {
            int c = d.compareTo(s.get("maximum").decimalValue());
            boolean exclusive = s.path("exclusiveMaximum").asBoolean(false);
            if (c > 0 || exclusive && c == 0) {
                add(out, path, d.toPlainString() + " is above the maximum " + (exclusive ? "(exclusive) " : "") + s.get("maximum").asText());
            }
        }
        if (s.has("multipleOf") && s.get("multipleOf").decimalValue().signum() > 0
                && d.remainder(s.get("multipleOf").decimalValue()).signum() != 0) {
            add(out, path, d.toPlainString() + " is not a multiple of " + s.get("multipleOf").asText());
        }
    }

    private static void object(JsonNode v, JsonNode s, List<String> path, List<Violation> out) {
        for (JsonNode r : s.path("required")) {
            if (!v.has(r.asText())) {
                path.add(r.asText());
                add(out, path, "is required");
                path.remove(path.size() - 1);
            }
        }
        if (s.has("minProperties") && v.size() < s.get("minProperties").asInt()) {
            add(out, path, "must have at least " + s.get("minProperties").asInt() + " entries");
        }
        if (s.has("maxProperties") && v.size() > s.get("maxProperties").asInt()) {
            add(out, path, "must have at most " + s.get("maxProperties").asInt() + " entries");
        }
        JsonNode props = s.path("properties");
        JsonNode additional = s.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode prop = props.get(e.getKey());
            if (prop == null && additional != null && additional.isObject()) {
                prop = additional;
            }
            if (prop != null) {
                path.add(e.getKey());
                check(e.getValue(), prop, path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static void array(JsonNode v, JsonNode s, List<String> path, List<Violation> out) {
        if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
            add(out, path, "must have at least " + s.get("minItems").asInt() + " items");
        }
        if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
            add(out, path, "must have at most " + s.get("maxItems").asInt() + " items");
        }
        if (s.path("uniqueItems").asBoolean(false) || s.path("x-kubernetes-list-type").asText("").equals("set")) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : v) {
                if (!seen.add(item)) {
                    add(out, path, "has the item " + describe(item) + " twice");
                    break;
                }
            }
        }
        JsonNode items = s.get("items");
        for (int i = 0; i < v.size(); i++) {
            path.add("[" + i + "]");
            check(v.get(i), items, path, out);
            path.remove(path.size() - 1);
        }
    }

    private static void combinators(JsonNode v, JsonNode s, List<String> path, List<Violation> out) {
        for (JsonNode sub : s.path("allOf")) {
            check(v, sub, path, out);
        }
        if (s.path("anyOf").isArray() && !s.path("anyOf").isEmpty() && passing(v, s.get("anyOf"), path) == 0) {
            add(out, path, "matches none of the schema's anyOf alternatives");
        }
        if (s.path("oneOf").isArray() && !s.path("oneOf").isEmpty()) {
            int n = passing(v, s.get("oneOf"), path);
            if (n != 1) {
                add(out, path, n == 0 ? "matches none of the schema's oneOf alternatives"
                        : "matches " + n + " of the schema's oneOf alternatives, not exactly one");
            }
        }
        if (s.path("not").isObject() && check(v, s.get("not"), path).isEmpty()) {
            add(out, path, "matches a schema it must not match (not)");
        }
    }

    private static int passing(JsonNode v, JsonNode alternatives, List<String> path) {
        int n = 0;
        for (JsonNode alt : alternatives) {
            if (check(v, alt, path).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private static Pattern pattern(String regex) {
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                return null; // the API server would have refused the XRD; its own check says so
            }
            PATTERNS.put(regex, p);
        }
        return p;
    }

    private static void add(List<Violation> out, List<String> path, String message) {
        out.add(new Violation(List.copyOf(path), message));
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "object", "array" -> "an " + type;
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
    }

    private static String describe(String text) {
        return "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "the string " + describe(v.asText());
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isObject() ? "an object" : v.isArray() ? "a list" : v.toString();
    }
}
