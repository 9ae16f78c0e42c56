package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled readiness check of a composed-resource template. Evaluated on the observed resource: a missing
 * field means not ready; a value of the wrong type is an error.
 */
public record ReadinessCheck(String type, FieldPath fieldPath, String matchString, Long matchInteger,
                             String conditionType, String conditionStatus) {

    /** Crossplane's default when a template has none: the Ready condition must be True. */
    public static final ReadinessCheck DEFAULT = new ReadinessCheck("MatchCondition", null, null, null, "Ready", "True");

    public static List<ReadinessCheck> compileAll(JsonNode checks, Engine engine) {
        List<ReadinessCheck> out = new ArrayList<>();
        for (int i = 0; checks != null && i < checks.size(); i++) {
            try {
                out.add(compile(checks.get(i), engine));
            } catch (RenderException e) {
                throw e.wrap("readinessChecks[" + i + "]");
            }
        }
        return List.copyOf(out);
    }

    private static ReadinessCheck compile(JsonNode c, Engine engine) {
        String type = c.path("type").asText("");
        String path = c.path("fieldPath").asText("");
        FieldPath fp = path.isEmpty() ? null : FieldPath.parse(path);
        switch (type) {
            case "None" -> {
                return new ReadinessCheck(type, null, null, null, null, null);
            }
            case "MatchCondition" -> {
                JsonNode mc = c.path("matchCondition");
                return new ReadinessCheck(type, null, null, null, mc.path("type").asText("Ready"),
                        mc.path("status").asText("True"));
            }
            case "NonEmpty", "MatchTrue", "MatchFalse" -> {
                requirePath(fp, type);
                return new ReadinessCheck(type, fp, null, null, null, null);
            }
            case "MatchString" -> {
                requirePath(fp, type);
                JsonNode s = c.get("matchString");
                if (s == null || s.isNull() || (engine == Engine.NATIVE && s.asText().isEmpty())) {
                    throw new RenderException("matchString is required by type MatchString");
                }
                return new ReadinessCheck(type, fp, s.asText(), null, null, null);
            }
            case "MatchInteger" -> {
                requirePath(fp, type);
                JsonNode n = c.get("matchInteger");
                if (n == null || n.isNull() || !GoValues.isInt(n) || (engine == Engine.NATIVE && n.asLong() == 0)) {
                    throw new RenderException("matchInteger is required by type MatchInteger");
                }
                return new ReadinessCheck(type, fp, null, n.asLong(), null, null);
            }
            default -> throw new RenderException("readiness check type " + GoFormat.quote(type, false) + " is not supported");
        }
    }

    private static void requirePath(FieldPath fp, String type) {
        if (fp == null) {
            throw new RenderException("fieldPath is required by type " + type);
        }
    }

    /** All checks must pass; no checks means the default Ready=True condition check. */
    public static boolean isReady(JsonNode observed, List<ReadinessCheck> checks) {
        List<ReadinessCheck> list = checks.isEmpty() ? List.of(DEFAULT) : checks;
        for (int i = 0; i < list.size(); i++) {
            try {
                if (!list.get(i).check(observed)) {
                    return false;
                }
            } catch (RenderException e) {
                throw e.wrap("readiness check at index " + i);
            }
        }
        return true;
    }

    boolean check(JsonNode o) {
        switch (type) {
            case "None" -> {
                return true;
            }
            case "MatchCondition" -> {
                for (JsonNode cond : o.path("status").path("conditions")) {
                    if (conditionType.equals(cond.path("type").asText())) {
                        return conditionStatus.equals(cond.path("status").asText());
                    }
                }
                // A missing condition has status Unknown.
                return conditionStatus.equals("Unknown");
            }
            default -> {
            }
        }
        JsonNode v = fieldPath.find(o);
        if (v == null) {
            return false;
        }
        return switch (type) {
            case "NonEmpty" -> true;
            case "MatchString" -> {
                if (!v.isTextual()) {
                    throw new RenderException(fieldPath.text() + ": not a string");
                }
                yield v.asText().equals(matchString);
            }
            case "MatchInteger" -> {
                if (!v.isNumber()) {
                    throw new RenderException(fieldPath.text() + ": not a number");
                }
                yield (GoValues.isInt(v) ? v.asLong() : (long) v.asDouble()) == matchInteger;
            }
            case "MatchTrue", "MatchFalse" -> {
                if (!v.isBoolean()) {
                    throw new RenderException(fieldPath.text() + ": not a bool");
                }
                yield v.asBoolean() == type.equals("MatchTrue");
            }
            default -> false;
        };
    }
}
