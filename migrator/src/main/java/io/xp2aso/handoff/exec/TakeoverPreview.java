package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What ASO's first PUT would change: ASO adopts by PUT of the whole spec, and in skip mode its status holds the live
 * state in the same shape. Lists spec values that differ from status, spec values Azure does not report, and (when
 * the CRD schema is known) settable fields Azure has that the spec omits — PUT sends them absent.
 * Strings compare ignoring case: ARM echoes locations and enum values in its own case.
 */
public final class TakeoverPreview {
    private TakeoverPreview() {
    }

    /** Spec fields that are not Azure properties: ownership, naming, Kubernetes exports, references ASO resolves. */
    private static final Set<String> NOT_PROPERTIES = Set.of("owner", "azureName", "operatorSpec");
    /** Status fields that are read-only in every resource. */
    private static final Set<String> READ_ONLY = Set.of("conditions", "id", "name", "type", "provisioningState", "etag",
            "systemData", "resourceGuid");

    public static List<String> compute(JsonNode spec, JsonNode status, JsonNode specSchema) {
        List<String> out = new ArrayList<>();
        compareSpec("", spec, status, out, true);
        if (specSchema != null) {
            omitted("", spec, status, specSchema, out, true);
        }
        return out;
    }

    private static void compareSpec(String path, JsonNode spec, JsonNode status, List<String> out, boolean top) {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode want = e.getValue();
            if (top && NOT_PROPERTIES.contains(key) || isReference(key, want)) {
                continue;
            }
            String p = path.isEmpty() ? key : path + "." + key;
            JsonNode live = status == null ? null : status.get(key);
            if (live == null || live.isNull()) {
                out.add("set " + p + " = " + want + " (Azure does not report it)");
            } else if (want.isObject() && live.isObject()) {
                compareSpec(p, want, live, out, false);
            } else if (!same(want, live)) {
                out.add("change " + p + ": " + live + " -> " + want);
            }
        }
    }

    private static void omitted(String path, JsonNode spec, JsonNode status, JsonNode schema, List<String> out, boolean top) {
        if (status == null || !status.isObject()) {
            return;
        }
        JsonNode props = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = status.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (top && READ_ONLY.contains(key) || !props.has(key) || top && NOT_PROPERTIES.contains(key)) {
                continue;
            }
            String p = path.isEmpty() ? key : path + "." + key;
            JsonNode want = spec == null ? null : spec.get(key);
            if (want == null || want.isNull()) {
                out.add("omit " + p + " (live " + e.getValue() + "): the PUT sends it absent; Azure may reset it");
            } else if (want.isObject() && e.getValue().isObject()) {
                omitted(p, want, e.getValue(), props.path(key), out, false);
            }
        }
    }

    /** Secret and ConfigMap references ({name, key}) and *Reference / *FromConfig fields: resolved by ASO, not compared. */
    private static boolean isReference(String key, JsonNode v) {
        if (key.endsWith("Reference") || key.endsWith("FromConfig") || key.endsWith("References")) {
            return true;
        }
        return v.isObject() && v.size() == 2 && v.has("name") && v.has("key");
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isValueNode() && b.isValueNode()) {
            return a.asText().toLowerCase(Locale.ROOT).equals(b.asText().toLowerCase(Locale.ROOT));
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (b.get(e.getKey()) == null || !same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The openAPI schema of spec for the object's version, from its CRD (null when not available). */
    public static JsonNode specSchema(JsonNode crd, String version) {
        if (crd == null) {
            return null;
        }
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                JsonNode s = v.path("schema").path("openAPIV3Schema").path("properties").path("spec");
                return s.isMissingNode() ? null : s;
            }
        }
        return null;
    }
}
