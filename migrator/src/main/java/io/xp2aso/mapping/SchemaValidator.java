package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates generated ASO objects against the real CRD schema of their apiVersion. Stricter than the API server on
 * purpose: an unknown field is an error (a structural schema would prune it silently and the setting would be lost).
 * Checks types, enums, required fields, patterns (RE2, like Kubernetes), lengths, bounds and item counts;
 * CEL rules (x-kubernetes-validations) are not evaluated.
 */
public final class SchemaValidator {
    /** One problem: a field path of the object and what is wrong with it. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final CrdStore crds;
    private final Map<String, Pattern> patterns = new HashMap<>();

    public SchemaValidator(CrdStore crds) {
        this.crds = crds;
    }

    public static SchemaValidator forPath(Path crdDirOrFile) {
        return new SchemaValidator(new CrdStore(crdDirOrFile));
    }

    public CrdStore crds() {
        return crds;
    }

    /** Problems of an object (apiVersion, kind, metadata.name and the whole spec); empty when valid. */
    public List<Problem> validate(JsonNode object) {
        List<Problem> out = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        int slash = apiVersion.indexOf('/');
        if (slash < 0 || kind.isEmpty()) {
            out.add(new Problem("apiVersion", "apiVersion `group/version` and kind are required"));
            return out;
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (crds.find(group, kind).isEmpty()) {
            out.add(new Problem("kind", "no CRD for " + group + "/" + kind + " in " + crds.root()));
            return out;
        }
        JsonNode schema = crds.schema(group, kind, version).orElse(null);
        if (schema == null) {
            out.add(new Problem("apiVersion", version + " is not a version of " + group + "/" + kind + " (versions: "
                    + crds.servedVersions(group, kind) + ")"));
            return out;
        }
        if (object.path("metadata").path("name").asText("").isEmpty()) {
            out.add(new Problem("metadata.name", "required"));
        }
        JsonNode specSchema = schema.path("properties").path("spec");
        JsonNode spec = object.get("spec");
        if (spec != null) {
            check(spec, specSchema, "spec", out);
        }
        for (JsonNode r : schema.path("required")) {
            if (!object.has(r.asText())) {
                out.add(new Problem(r.asText(), "required"));
            }
        }
        return out;
    }

    private void check(JsonNode v, JsonNode s, String path, List<Problem> out) {
        if (s == null || s.isMissingNode()) {
            return;
        }
        if (v.isNull()) {
            if (!s.path("nullable").asBoolean(false)) {
                out.add(new Problem(path, "null is not allowed"));
            }
            return;
        }
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!(v.isIntegralNumber() || v.isTextual())) {
                out.add(new Problem(path, "expected an integer or a string"));
            }
            return;
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "object" -> object(v, s, path, out);
            case "array" -> array(v, s, path, out);
            case "string" -> {
                if (!v.isTextual()) {
                    out.add(new Problem(path, "expected a string, got " + describe(v)));
                    return;
                }
                string(v.asText(), s, path, out);
            }
            case "integer" -> {
                if (!v.isIntegralNumber()) {
                    out.add(new Problem(path, "expected an integer, got " + describe(v)));
                    return;
                }
                bounds(v, s, path, out);
                enumCheck(v, s, path, out);
            }
            case "number" -> {
                if (!v.isNumber()) {
                    out.add(new Problem(path, "expected a number, got " + describe(v)));
                    return;
                }
                bounds(v, s, path, out);
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    out.add(new Problem(path, "expected true or false, got " + describe(v)));
                }
            }
            default -> {
                // no type: anything goes (e.g. x-kubernetes-preserve-unknown-fields)
            }
        }
    }

    private void object(JsonNode v, JsonNode s, String path, List<Problem> out) {
        if (!v.isObject()) {
            out.add(new Problem(path, "expected an object, got " + describe(v)));
            return;
        }
        JsonNode props = s.path("properties");
        JsonNode additional = s.get("additionalProperties");
        boolean free = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            if (props.has(e.getKey())) {
                check(e.getValue(), props.get(e.getKey()), p, out);
            } else if (additional != null && additional.isObject()) {
                check(e.getValue(), additional, p, out);
            } else if (additional != null && additional.isBoolean() && additional.asBoolean()) {
                // any value
            } else if (!free) {
                out.add(new Problem(p, "unknown field (not in the CRD schema; the API server would drop it silently)"));
            }
        }
        for (JsonNode r : s.path("required")) {
            if (!v.has(r.asText())) {
                out.add(new Problem(path + "." + r.asText(), "required"));
            }
        }
        if (s.has("maxProperties") && v.size() > s.get("maxProperties").asInt()) {
            out.add(new Problem(path, "at most " + s.get("maxProperties").asInt() + " entries"));
        }
    }

    private void array(JsonNode v, JsonNode s, String path, List<Problem> out) {
        if (!v.isArray()) {
            out.add(new Problem(path, "expected a list, got " + describe(v)));
            return;
        }
        if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
            out.add(new Problem(path, "at least " + s.get("minItems").asInt() + " items"));
        }
        if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
            out.add(new Problem(path, "at most " + s.get("maxItems").asInt() + " items"));
        }
        for (int i = 0; i < v.size(); i++) {
            check(v.get(i), s.path("items"), path + "[" + i + "]", out);
        }
    }

    private void string(String text, JsonNode s, String path, List<Problem> out) {
        if (s.has("minLength") && text.codePointCount(0, text.length()) < s.get("minLength").asInt()) {
            out.add(new Problem(path, "`" + text + "` is shorter than " + s.get("minLength").asInt() + " characters"));
        }
        if (s.has("maxLength") && text.codePointCount(0, text.length()) > s.get("maxLength").asInt()) {
            out.add(new Problem(path, "`" + text + "` is longer than " + s.get("maxLength").asInt() + " characters"));
        }
        if (s.has("pattern")) {
            Pattern p = pattern(s.get("pattern").asText());
            if (p != null && !p.matcher(text).find()) {
                out.add(new Problem(path, "`" + text + "` does not match the pattern " + s.get("pattern").asText()));
            }
        }
        enumCheck(com.fasterxml.jackson.databind.node.TextNode.valueOf(text), s, path, out);
    }

    private void enumCheck(JsonNode v, JsonNode s, String path, List<Problem> out) {
        JsonNode e = s.get("enum");
        if (e == null || !e.isArray()) {
            return;
        }
        for (JsonNode allowed : e) {
            if (allowed.asText().equals(v.asText())) {
                return;
            }
        }
        List<String> names = new ArrayList<>();
        e.forEach(x -> names.add(x.asText()));
        out.add(new Problem(path, "`" + v.asText() + "` is not one of " + names));
    }

    private void bounds(JsonNode v, JsonNode s, String path, List<Problem> out) {
        if (s.has("minimum") && v.decimalValue().compareTo(s.get("minimum").decimalValue()) < 0) {
            out.add(new Problem(path, v.asText() + " is below the minimum " + s.get("minimum").asText()));
        }
        if (s.has("maximum") && v.decimalValue().compareTo(s.get("maximum").decimalValue()) > 0) {
            out.add(new Problem(path, v.asText() + " is above the maximum " + s.get("maximum").asText()));
        }
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return null; // a pattern RE2 cannot read is not ours to enforce
            }
        });
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "the string `" + v.asText() + "`";
        }
        return v.getNodeType().name().toLowerCase() + " `" + v + "`";
    }
}
