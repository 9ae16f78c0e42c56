package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Differences between what the MR asks for (spec.forProvider) and what Azure has (status.atProvider), for the
 * fields present on both sides. References, selectors and secret references have no observed counterpart and are
 * skipped. Lists of scalars compare as sets; locations compare without case and spaces ("West Europe" = westeurope).
 */
final class Drift {
    record Difference(String path, String desired, String observed) {
    }

    private Drift() {
    }

    static List<Difference> compare(JsonNode desired, JsonNode observed) {
        List<Difference> out = new ArrayList<>();
        if (desired != null && observed != null && !observed.isMissingNode()) {
            walk("", desired, observed, out);
        }
        return out;
    }

    private static void walk(String path, JsonNode d, JsonNode o, List<Difference> out) {
        if (d == null || d.isNull() || o == null || o.isNull() || o.isMissingNode()) {
            return;
        }
        if (d.isObject() && o.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if (k.endsWith("Ref") || k.endsWith("Refs") || k.endsWith("Selector") || k.endsWith("SecretRef")) {
                    continue;
                }
                walk(FieldPath.join(path, k), e.getValue(), o.get(k), out);
            }
            return;
        }
        if (d.isArray() && o.isArray()) {
            boolean scalars = true;
            for (JsonNode x : d) {
                scalars &= x.isValueNode();
            }
            for (JsonNode x : o) {
                scalars &= x.isValueNode();
            }
            if (scalars) {
                if (!asSet(d).equals(asSet(o))) {
                    out.add(new Difference(path, show(d), show(o)));
                }
            } else if (d.size() != o.size()) {
                out.add(new Difference(path, d.size() + " items", o.size() + " items"));
            } else {
                for (int i = 0; i < d.size(); i++) {
                    walk(path, d.get(i), o.get(i), out);
                }
            }
            return;
        }
        // A v1beta1 one-item block against an object (or the reverse) is the same block.
        if (d.isArray() && d.size() == 1 && o.isObject()) {
            walk(path, d.get(0), o, out);
            return;
        }
        if (o.isArray() && o.size() == 1 && d.isObject()) {
            walk(path, d, o.get(0), out);
            return;
        }
        if (!sameScalar(path, d, o)) {
            out.add(new Difference(path, show(d), show(o)));
        }
    }

    private static boolean sameScalar(String path, JsonNode d, JsonNode o) {
        if (d.isNumber() && o.isNumber()) {
            return d.decimalValue().compareTo(o.decimalValue()) == 0;
        }
        String a = d.asText();
        String b = o.asText();
        if (path.equals("location") || path.endsWith(".location")) {
            return norm(a).equals(norm(b));
        }
        return a.equals(b);
    }

    private static String norm(String s) {
        return s.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> asSet(JsonNode a) {
        Set<String> s = new HashSet<>();
        a.forEach(x -> s.add(x.asText()));
        return s;
    }

    private static String show(JsonNode n) {
        String s = n.isTextual() ? n.asText() : n.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
