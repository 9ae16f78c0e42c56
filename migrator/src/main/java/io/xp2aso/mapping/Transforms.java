package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Matcher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** The value transforms of a rule, applied in the documented order; a value they cannot handle is a {@link Failure}. */
final class Transforms {
    private Transforms() {
    }

    /** The value cannot be converted; the message says why (it never contains the value of a secret). */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /**
     * Values a {@code format} may name besides the numbered ones: {@code {azureName}} (the MR's Azure name) and
     * {@code {subscription}} (the MR's subscription, looked up only when named).
     */
    record Named(String azureName, java.util.function.Supplier<String> subscription) {
        static final Named NONE = new Named("", () -> "");

        String get(String key) {
            String v = switch (key) {
                case "azureName" -> azureName;
                case "subscription" -> subscription.get();
                default -> null;
            };
            if (v != null && v.isEmpty()) {
                throw new Failure("format names {" + key + "}, which is not known here"
                        + (key.equals("subscription") ? " (give --observed with the live MRs, or the subscription)" : ""));
            }
            return v;
        }
    }

    static JsonNode apply(RuleSpec r, List<JsonNode> inputs) {
        return apply(r, inputs, Named.NONE);
    }

    /** pattern, format, values/negate, multiply/divide, case, joinList/split, type. */
    static JsonNode apply(RuleSpec r, List<JsonNode> inputs, Named named) {
        JsonNode v = inputs.size() == 1 ? inputs.get(0) : null;
        String[] slots = null;
        if (r.pattern() != null) {
            String text = scalarText(inputs.get(0), "pattern");
            Matcher m = r.pattern().matcher(text);
            if (!m.matches()) {
                throw new Failure("`" + text + "` does not match the pattern " + r.pattern().pattern());
            }
            slots = new String[m.groupCount() + 1];
            for (int i = 0; i <= m.groupCount(); i++) {
                slots[i] = m.group(i) == null ? "" : m.group(i);
            }
            v = TextNode.valueOf(text);
        }
        if (r.format() != null) {
            if (slots == null) {
                slots = new String[inputs.size()];
                for (int i = 0; i < inputs.size(); i++) {
                    slots[i] = scalarText(inputs.get(i), "format");
                }
            }
            v = TextNode.valueOf(format(r.format(), slots, named));
        } else if (slots != null && slots.length > 1) {
            v = TextNode.valueOf(slots[1]); // a pattern without format yields its first group
        }
        if (r.values() != null) {
            v = mapScalar(v, x -> lookup(r, x)); // a list of scalars is mapped item by item
        }
        if (r.negate()) {
            if (!v.isBoolean()) {
                throw new Failure("negate needs a boolean, got `" + v + "`");
            }
            v = BooleanNode.valueOf(!v.asBoolean());
        }
        if (r.multiply() != null || r.divide() != null) {
            BigDecimal n = number(v);
            if (r.multiply() != null) {
                n = n.multiply(r.multiply());
            }
            if (r.divide() != null) {
                n = n.divide(r.divide(), 10, RoundingMode.HALF_EVEN);
            }
            v = numberNode(n);
        }
        if (r.textCase() != null) {
            v = mapText(v, s -> r.textCase().equals("lower") ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT));
        }
        if (r.joinList() != null) {
            if (!v.isArray()) {
                throw new Failure("joinList needs a list, got `" + v + "`");
            }
            StringBuilder sb = new StringBuilder();
            for (JsonNode item : v) {
                if (sb.length() > 0) {
                    sb.append(r.joinList());
                }
                sb.append(scalarText(item, "joinList"));
            }
            v = TextNode.valueOf(sb.toString());
        }
        if (r.split() != null) {
            // A list is split item by item: a field whose older form was one joined string (Cosmos ipRangeFilter
            // "a,b") and whose current form is a list reads the same through one rule.
            ArrayNode a = Nodes.FACTORY.arrayNode();
            List<JsonNode> texts = new java.util.ArrayList<>();
            if (v.isArray()) {
                v.forEach(texts::add);
            } else {
                texts.add(v);
            }
            for (JsonNode t : texts) {
                for (String part : scalarText(t, "split").split(java.util.regex.Pattern.quote(r.split()), -1)) {
                    if (!part.trim().isEmpty()) {
                        a.add(part.trim());
                    }
                }
            }
            v = a;
        }
        if (r.entries() != null) {
            if (!v.isObject()) {
                throw new Failure("entries needs a map, got `" + v + "`");
            }
            ArrayNode list = Nodes.FACTORY.arrayNode();
            v.fields().forEachRemaining(e -> list.addObject().put(r.entries().key(), e.getKey())
                    .set(r.entries().value(), e.getValue()));
            v = list;
        }
        if (r.type() != null) {
            v = mapScalar(v, x -> coerce(x, r.type()));
        }
        return v;
    }

    private static JsonNode lookup(RuleSpec r, JsonNode v) {
        String key = scalarText(v, "values");
        JsonNode mapped = r.values().get(key);
        if (mapped != null) {
            return mapped.deepCopy();
        }
        if (!r.keepUnlisted()) {
            throw new Failure("`" + key + "` has no entry in the rule's values " + r.values().keySet());
        }
        return v;
    }

    private static String format(String template, String[] slots, Named named) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = template.indexOf('}', i);
            String key = c == '{' && close > i + 1 ? template.substring(i + 1, close) : "";
            if (key.matches("[0-9]+")) {
                int idx = Integer.parseInt(key);
                if (idx >= slots.length) {
                    throw new Failure("format placeholder {" + idx + "} has no value");
                }
                out.append(slots[idx]);
                i = close;
            } else if (!key.isEmpty() && named.get(key) != null) {
                out.append(named.get(key));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String scalarText(JsonNode v, String what) {
        if (v == null || !v.isValueNode()) {
            throw new Failure(what + " needs a single value, got " + (v == null ? "nothing" : v.isArray() ? "a list" : "an object"));
        }
        return v.asText();
    }

    private static BigDecimal number(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new Failure("`" + v.asText() + "` is not a number");
            }
        }
        throw new Failure("a number is needed, got `" + v + "`");
    }

    static JsonNode numberNode(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        if (s.scale() <= 0) {
            try {
                return LongNode.valueOf(s.longValueExact());
            } catch (ArithmeticException e) {
                return DecimalNode.valueOf(s);
            }
        }
        return DecimalNode.valueOf(s);
    }

    private static JsonNode mapText(JsonNode v, java.util.function.UnaryOperator<String> f) {
        return mapScalar(v, x -> x.isTextual() ? TextNode.valueOf(f.apply(x.asText())) : x);
    }

    private static JsonNode mapScalar(JsonNode v, java.util.function.UnaryOperator<JsonNode> f) {
        if (v.isArray()) {
            ArrayNode a = Nodes.FACTORY.arrayNode();
            v.forEach(x -> a.add(mapScalar(x, f)));
            return a;
        }
        return f.apply(v);
    }

    private static JsonNode coerce(JsonNode v, String type) {
        if (!v.isValueNode()) {
            throw new Failure("type " + type + " needs a single value, got `" + v + "`");
        }
        switch (type) {
            case "string":
                return TextNode.valueOf(v.asText());
            case "integer": {
                BigDecimal n = number(v);
                try {
                    return LongNode.valueOf(n.stripTrailingZeros().longValueExact());
                } catch (ArithmeticException e) {
                    throw new Failure("`" + v.asText() + "` is not a whole number");
                }
            }
            case "number":
                return numberNode(number(v));
            case "boolean":
                if (v.isBoolean()) {
                    return v;
                }
                String t = v.asText().trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return BooleanNode.valueOf(t.equals("true"));
                }
                throw new Failure("`" + v.asText() + "` is not a boolean");
            default:
                throw new IllegalStateException(type);
        }
    }
}
