package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Go semantics of Kubernetes unstructured values held as Jackson trees: integral numbers are Go int64,
 * other numbers float64, objects map[string]interface{}, arrays []interface{}, JSON null Go nil.
 * Crossplane's transforms depend on these types (formatting, math, convert), so every helper here follows Go.
 */
public final class GoValues {
    public static final JsonNodeFactory NODES = Nodes.FACTORY;

    private GoValues() {
    }

    public static boolean isInt(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToLong();
    }

    public static boolean isFloat(JsonNode v) {
        return v != null && v.isNumber() && !isInt(v);
    }

    public static boolean isNil(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    /** The Go dynamic type name, as fmt's %T prints it. */
    public static String typeName(JsonNode v) {
        if (isNil(v)) {
            return "<nil>";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        if (isInt(v)) {
            return "int64";
        }
        if (v.isNumber()) {
            return "float64";
        }
        if (v.isObject()) {
            return "map[string]interface {}";
        }
        if (v.isArray()) {
            return "[]interface {}";
        }
        return "string";
    }

    /** fmt.Sprintf("%v", v). */
    public static String formatV(JsonNode v) {
        return GoFormat.sprintf("%v", List.of(v == null ? NODES.nullNode() : v));
    }

    // ---- floats ------------------------------------------------------------------------------------------------

    /** Shortest decimal digits that round-trip to d, as (digits, decimal point position) like Go's strconv. */
    record Digits(String digits, int dp) {
    }

    static Digits shortest(double d) {
        double a = Math.abs(d);
        if (a == 0) {
            return new Digits("0", 1);
        }
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == a) {
                return digitsOf(r);
            }
        }
        return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static Digits digitsOf(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int dp = digits.length() - s.scale();
        return new Digits(digits, dp);
    }

    /** Digits of |d| rounded (half-even on the exact binary value, as Go does) to n significant digits. */
    static Digits significant(double d, int n) {
        double a = Math.abs(d);
        if (a == 0) {
            return new Digits("0".repeat(Math.max(n, 1)), 1);
        }
        BigDecimal r = new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int dp = digits.length() - r.scale();
        if (digits.length() < n) {
            digits = digits + "0".repeat(n - digits.length());
        } else if (digits.length() > n) {
            digits = digits.substring(0, n);
        }
        return new Digits(digits, dp);
    }

    /** strconv.FormatFloat(d, fmt, prec, 64) for fmt in e, E, f, g, G; prec -1 means shortest. */
    public static String formatFloat(double d, char fmt, int prec) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        String body;
        boolean shortest = prec < 0;
        switch (fmt) {
            case 'e', 'E' -> {
                Digits dg = shortest ? shortest(d) : significant(d, prec + 1);
                body = fmtE(dg, shortest ? dg.digits.length() - 1 : prec, fmt);
            }
            case 'f' -> {
                if (shortest) {
                    Digits dg = shortest(d);
                    body = fmtF(dg, Math.max(dg.digits.length() - dg.dp, 0));
                } else {
                    BigDecimal r = new BigDecimal(Math.abs(d)).setScale(prec, RoundingMode.HALF_EVEN);
                    body = r.toPlainString();
                }
            }
            case 'g', 'G' -> {
                int eprec = prec;
                Digits dg;
                if (shortest) {
                    dg = shortest(d);
                    eprec = 6;
                } else {
                    if (eprec == 0) {
                        eprec = 1;
                    }
                    dg = significant(d, eprec);
                    // %g drops trailing zeros unless '#'.
                    String t = dg.digits.replaceAll("0+$", "");
                    dg = new Digits(t.isEmpty() ? "0" : t, dg.dp);
                    if (eprec > dg.digits.length() && dg.digits.length() >= dg.dp) {
                        eprec = dg.digits.length();
                    }
                }
                int exp = dg.dp - 1;
                if (d == 0) {
                    exp = 0;
                }
                if (exp < -4 || exp >= eprec) {
                    body = fmtE(dg, dg.digits.length() - 1, fmt == 'g' ? 'e' : 'E');
                } else {
                    body = fmtF(dg, Math.max(dg.digits.length() - dg.dp, 0));
                }
            }
            default -> throw new IllegalArgumentException("unsupported float format " + fmt);
        }
        return neg ? "-" + body : body;
    }

    private static String fmtE(Digits dg, int prec, char e) {
        StringBuilder sb = new StringBuilder();
        String ds = dg.digits;
        sb.append(ds.charAt(0));
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                sb.append(i < ds.length() ? ds.charAt(i) : '0');
            }
        }
        int exp = ds.equals("0") || ds.chars().allMatch(c -> c == '0') ? 0 : dg.dp - 1;
        sb.append(e).append(exp < 0 ? '-' : '+');
        int ax = Math.abs(exp);
        if (ax < 10) {
            sb.append('0');
        }
        sb.append(ax);
        return sb.toString();
    }

    private static String fmtF(Digits dg, int prec) {
        StringBuilder sb = new StringBuilder();
        String ds = dg.digits;
        if (dg.dp > 0) {
            for (int i = 0; i < dg.dp; i++) {
                sb.append(i < ds.length() ? ds.charAt(i) : '0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 0; i < prec; i++) {
                int j = dg.dp + i;
                sb.append(j >= 0 && j < ds.length() ? ds.charAt(j) : '0');
            }
        }
        return sb.toString();
    }

    // ---- JSON ------------------------------------------------------------------------------------------------

    /** Go encoding/json.Marshal: map keys sorted, HTML characters escaped, floats as Go prints them. */
    public static String json(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        writeJson(sb, v);
        return sb.toString();
    }

    private static void writeJson(StringBuilder sb, JsonNode v) {
        if (isNil(v)) {
            sb.append("null");
        } else if (v.isTextual()) {
            jsonString(sb, v.asText());
        } else if (v.isBoolean()) {
            sb.append(v.asBoolean());
        } else if (isInt(v)) {
            sb.append(v.asLong());
        } else if (v.isNumber()) {
            sb.append(jsonFloat(v.asDouble()));
        } else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeJson(sb, v.get(i));
            }
            sb.append(']');
        } else if (v.isObject()) {
            sb.append('{');
            boolean first = true;
            for (String k : sortedKeys(v)) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                jsonString(sb, k);
                sb.append(':');
                writeJson(sb, v.get(k));
            }
            sb.append('}');
        } else {
            jsonString(sb, v.asText());
        }
    }

    /** A float64 as encoding/json writes it. NaN and infinities cannot be encoded: an error, as in Go. */
    public static String jsonFloat(double f) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new TransformException("json: unsupported value: " + formatFloat(f, 'g', -1));
        }
        double abs = Math.abs(f);
        char fmt = 'f';
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            fmt = 'e';
        }
        String s = formatFloat(f, fmt, -1);
        if (fmt == 'e') {
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.charAt(n - 1);
            }
        }
        return s;
    }

    static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        sb.append("\\ufffd");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static List<String> sortedKeys(JsonNode obj) {
        List<String> keys = new ArrayList<>();
        obj.fieldNames().forEachRemaining(keys::add);
        // Go sorts map keys by their bytes; for UTF-8 that equals code point order.
        keys.sort(GoValues::compareCodePoints);
        return keys;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    // ---- normalisation -----------------------------------------------------------------------------------------

    /**
     * The value as it comes back from a JSON round trip through the Kubernetes decoder: a float64 with an integral
     * value that Go's encoder prints without exponent (|f| &lt; 1e21) decodes as int64; larger integers than int64
     * become float64. Returns the same node when nothing changes (no copy on the hot path).
     */
    public static JsonNode roundTrip(JsonNode v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v.isNumber()) {
            return roundTripNumber(v);
        }
        if (v.isObject()) {
            ObjectNode o = (ObjectNode) v;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<Map.Entry<String, JsonNode>> changes = null;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = roundTrip(e.getValue());
                if (n != e.getValue()) {
                    if (changes == null) {
                        changes = new ArrayList<>();
                    }
                    changes.add(Map.entry(e.getKey(), n));
                }
            }
            if (changes != null) {
                for (Map.Entry<String, JsonNode> e : changes) {
                    o.set(e.getKey(), e.getValue());
                }
            }
            return o;
        }
        if (v.isArray()) {
            ArrayNode a = (ArrayNode) v;
            for (int i = 0; i < a.size(); i++) {
                JsonNode n = roundTrip(a.get(i));
                if (n != a.get(i)) {
                    a.set(i, n);
                }
            }
            return a;
        }
        return v;
    }

    private static JsonNode roundTripNumber(JsonNode v) {
        if (v.isIntegralNumber()) {
            if (v.canConvertToLong()) {
                return v.isLong() || v.isInt() ? v : NODES.numberNode(v.asLong());
            }
            return NODES.numberNode(v.asDouble());
        }
        double d = v.asDouble();
        if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21) {
            BigDecimal b = new BigDecimal(d);
            if (b.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 && b.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
                return NODES.numberNode(b.longValueExact());
            }
            return v.isDouble() ? v : NODES.numberNode(d);
        }
        return v.isDouble() ? v : NODES.numberNode(d);
    }

    /** Go's value equality for JSON values (reflect.DeepEqual on unstructured content). */
    public static boolean deepEqual(JsonNode a, JsonNode b) {
        if (isNil(a) || isNil(b)) {
            return isNil(a) && isNil(b);
        }
        if (a.isNumber() && b.isNumber()) {
            if (isInt(a) != isInt(b)) {
                return false;
            }
            return isInt(a) ? a.asLong() == b.asLong() : a.asDouble() == b.asDouble();
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !deepEqual(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!deepEqual(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
