package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.regex.Pattern;

/** The convert transform: between string, int64, bool and float64, plus quantity and JSON formats. */
final class ConvertTransform {
    private static final Set<String> TYPES = Set.of("string", "int", "int64", "bool", "float64", "object", "array");
    private static final Set<String> FORMATS = Set.of("none", "quantity", "json");
    // Go's strconv.ParseFloat decimal syntax (hex floats and underscores are rare enough to reject).
    private static final Pattern GO_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern GO_SPECIAL = Pattern.compile("[+-]?(?i)(inf|infinity|nan)");

    private ConvertTransform() {
    }

    static Transform compile(JsonNode cfg, Engine engine) {
        String toType = cfg.path("toType").asText("");
        String format = cfg.path("format").asText("");
        if (format.isEmpty()) {
            format = "none";
        }
        if (!TYPES.contains(toType)) {
            throw new RenderException("invalid convert transform toType " + GoFormat.quote(toType, false));
        }
        if (!FORMATS.contains(format)) {
            throw new RenderException("invalid convert transform format " + GoFormat.quote(format, false));
        }
        final String to = toType.equals("int") ? "int64" : toType;
        final String fmt = format;
        return in -> {
            String from = ioType(in);
            if (from == null) {
                throw new TransformException("invalid input type " + GoValues.typeName(in));
            }
            if (from.equals(to)) {
                return in;
            }
            return convert(in, from, to, fmt, toType);
        };
    }

    /** The input's convertible type, or null for objects, arrays and nil. */
    private static String ioType(JsonNode in) {
        if (GoValues.isNil(in)) {
            return null;
        }
        if (in.isTextual()) {
            return "string";
        }
        if (in.isBoolean()) {
            return "bool";
        }
        if (GoValues.isInt(in)) {
            return "int64";
        }
        if (in.isNumber()) {
            return "float64";
        }
        return null;
    }

    private static JsonNode convert(JsonNode in, String from, String to, String format, String declaredTo) {
        String key = from + ">" + to + ">" + format;
        switch (key) {
            case "string>int64>none" -> {
                return GoValues.NODES.numberNode(parseInt(in.asText()));
            }
            case "string>bool>none" -> {
                return GoValues.NODES.booleanNode(parseBool(in.asText()));
            }
            case "string>float64>none" -> {
                return GoValues.NODES.numberNode(parseFloat(in.asText()));
            }
            case "string>float64>quantity" -> {
                return GoValues.NODES.numberNode(Quantity.parse(in.asText()).approximateFloat64());
            }
            case "int64>string>none" -> {
                return GoValues.NODES.textNode(Long.toString(in.asLong()));
            }
            case "int64>bool>none" -> {
                return GoValues.NODES.booleanNode(in.asLong() == 1);
            }
            case "int64>float64>none" -> {
                return GoValues.NODES.numberNode((double) in.asLong());
            }
            case "bool>string>none" -> {
                return GoValues.NODES.textNode(in.asBoolean() ? "true" : "false");
            }
            case "bool>int64>none" -> {
                return GoValues.NODES.numberNode(in.asBoolean() ? 1L : 0L);
            }
            case "bool>float64>none" -> {
                return GoValues.NODES.numberNode(in.asBoolean() ? 1.0 : 0.0);
            }
            case "float64>string>none" -> {
                return GoValues.NODES.textNode(GoValues.formatFloat(in.asDouble(), 'f', -1));
            }
            case "float64>int64>none" -> {
                return GoValues.NODES.numberNode(MathTransform.truncate(in.asDouble()));
            }
            case "float64>bool>none" -> {
                return GoValues.NODES.booleanNode(in.asDouble() == 1.0);
            }
            case "string>object>json" -> {
                JsonNode v = parseJson(in.asText());
                if (v.isNull()) {
                    return GoValues.NODES.objectNode();
                }
                if (!(v instanceof ObjectNode)) {
                    throw new TransformException("json: cannot unmarshal " + jsonKind(v) + " into Go value of type map[string]interface {}");
                }
                return v;
            }
            case "string>array>json" -> {
                JsonNode v = parseJson(in.asText());
                if (!(v instanceof ArrayNode) && !v.isNull()) {
                    throw new TransformException("json: cannot unmarshal " + jsonKind(v) + " into Go value of type []interface {}");
                }
                return v;
            }
            default -> throw new TransformException("conversion from " + from + " to " + declaredTo
                    + " is not supported with format " + format);
        }
    }

    private static String jsonKind(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        if (v.isArray()) {
            return "array";
        }
        return v.isObject() ? "object" : "null";
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper STRICT_JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** encoding/json.Unmarshal into interface{}: every number becomes float64. */
    private static JsonNode parseJson(String s) {
        try {
            JsonNode v = STRICT_JSON.readTree(s);
            if (v == null || v.isMissingNode()) {
                throw new TransformException("unexpected end of JSON input");
            }
            return floats(v);
        } catch (java.io.IOException e) {
            throw new TransformException("invalid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static JsonNode floats(JsonNode v) {
        if (v.isNumber()) {
            return GoValues.NODES.numberNode(v.asDouble());
        }
        if (v instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(k -> o.set(k, floats(o.get(k))));
        } else if (v instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, floats(a.get(i)));
            }
        }
        return v;
    }

    /** strconv.ParseInt(s, 10, 64). */
    static long parseInt(String s) {
        if (!s.matches("[+-]?\\d+")) {
            throw new TransformException("strconv.ParseInt: parsing " + GoFormat.quote(s, false) + ": invalid syntax");
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new TransformException("strconv.ParseInt: parsing " + GoFormat.quote(s, false) + ": value out of range");
        }
    }

    /** strconv.ParseBool. */
    static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new TransformException("strconv.ParseBool: parsing " + GoFormat.quote(s, false) + ": invalid syntax");
        };
    }

    /** strconv.ParseFloat(s, 64) for decimal syntax, infinities and NaN; out of range is an error as in Go. */
    static double parseFloat(String s) {
        if (GO_SPECIAL.matcher(s).matches()) {
            String l = s.toLowerCase();
            if (l.contains("nan")) {
                return Double.NaN;
            }
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!GO_FLOAT.matcher(s).matches()) {
            throw new TransformException("strconv.ParseFloat: parsing " + GoFormat.quote(s, false) + ": invalid syntax");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new TransformException("strconv.ParseFloat: parsing " + GoFormat.quote(s, false) + ": value out of range");
        }
        return d;
    }
}
