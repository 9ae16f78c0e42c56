package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares spec.forProvider with status.atProvider, field by field, for fields present in both.
 * Fields only on one side are not drift: upjet reports observed-only attributes and omits write-only ones.
 * Azure treats locations and resource IDs case-insensitively, so those compare without case (and locations
 * without spaces: "West Europe" is "westeurope"). Lists of scalars compare without order (Terraform sets).
 */
public final class DriftDetector {
    private static final int MAX_VALUE = 200;
    private static final int MAX_FIELDS = 50;

    private DriftDetector() {
    }

    public static List<DriftField> compare(JsonNode forProvider, JsonNode atProvider) {
        List<DriftField> out = new ArrayList<>();
        if (forProvider.isObject() && atProvider.isObject()) {
            walk("spec.forProvider", forProvider, atProvider, "", out);
        }
        return out;
    }

    private static void walk(String path, JsonNode desired, JsonNode observed, String field, List<DriftField> out) {
        if (out.size() >= MAX_FIELDS) {
            return;
        }
        if (desired.isObject() && observed.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                // References and selectors resolve into other fields; they never appear in atProvider.
                if (key.endsWith("Ref") || key.endsWith("Refs") || key.endsWith("Selector")) {
                    continue;
                }
                JsonNode o = observed.get(key);
                if (o == null || o.isNull() || e.getValue().isNull()) {
                    continue;
                }
                walk(path + "." + key, e.getValue(), o, key, out);
            }
            return;
        }
        if (desired.isArray() && observed.isArray()) {
            if (allValues(desired) && allValues(observed)) {
                // Lists of scalars are mostly Terraform sets, whose order the provider does not keep.
                if (!sortedTexts(desired, field).equals(sortedTexts(observed, field))) {
                    out.add(new DriftField(path, render(desired), render(observed)));
                }
                return;
            }
            if (desired.size() != observed.size()) {
                out.add(new DriftField(path, render(desired), render(observed)));
                return;
            }
            for (int i = 0; i < desired.size(); i++) {
                walk(path + "[" + i + "]", desired.get(i), observed.get(i), field, out);
            }
            return;
        }
        if (!same(desired, observed, field)) {
            out.add(new DriftField(path, render(desired), render(observed)));
        }
    }

    private static boolean same(JsonNode d, JsonNode o, String field) {
        if (d.isValueNode() && o.isValueNode()) {
            return canonical(d, field).equals(canonical(o, field));
        }
        return d.equals(o);
    }

    /**
     * A scalar as Azure would compare it: numbers by value (2 is 2.0), and strings, booleans and numbers by their
     * text, since Terraform state sometimes keeps numbers and booleans as strings.
     */
    private static String canonical(JsonNode n, String field) {
        String s = n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText();
        if (field.equals("location")) {
            return s.replace(" ", "").toLowerCase(Locale.ROOT);
        }
        if (field.endsWith("Id") || field.endsWith("Ids") || field.endsWith("ID")) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sortedTexts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(canonical(n, field));
        }
        out.sort(String::compareTo);
        return out;
    }

    private static String render(JsonNode n) {
        return Text.clip(n.isTextual() ? n.asText() : n.toString(), MAX_VALUE);
    }
}
