package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marker values put in place of what an XR, a patch or the cluster supplies, so that the mapped ASO objects show
 * where each input lands. Markers are lower-case alphanumerics (they survive Kubernetes name rules unchanged); two
 * spellings (A and B) of every marker tell a copied value from one the mapping derived in another way.
 * Ids: {@code p<k>} patch k, {@code n<j>} the name of composed resource j, {@code u0} the unit's name,
 * {@code s0} its namespace.
 */
final class Markers {
    static final String UNIT = "u0";
    static final String NAMESPACE = "s0";
    private static final Pattern ANY = Pattern.compile("xpz[qr]([a-z][0-9]+)[qr]zx");

    private Markers() {
    }

    static String of(String id, boolean variantB) {
        return variantB ? "xpzr" + id + "rzx" : "xpzq" + id + "qzx";
    }

    /** The text split into literal pieces and marker ids: even indexes literal, odd indexes ids. */
    static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        Matcher m = ANY.matcher(s);
        int at = 0;
        while (m.find()) {
            parts.add(s.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(s.substring(at));
        return parts;
    }

    /** A marker-free remainder still spelling part of one: a value the mapping transformed beyond copying. */
    static boolean hasResidue(String literal) {
        return literal.toLowerCase(java.util.Locale.ROOT).contains("xpz");
    }

    /** Variant B rewritten to variant A, to compare two probes. */
    static JsonNode toVariantA(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return JsonNodeFactory.instance.textNode(ANY.matcher(v.asText()).replaceAll("xpzq$1qzx"));
        }
        if (v.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(ANY.matcher(e.getKey()).replaceAll("xpzq$1qzx"), toVariantA(e.getValue()));
            }
            return o;
        }
        if (v.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            v.forEach(x -> a.add(toVariantA(x)));
            return a;
        }
        return v;
    }
}
