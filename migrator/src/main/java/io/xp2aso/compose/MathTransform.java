package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;

/** The math transform: Multiply, ClampMin, ClampMax over int64 and float64 inputs, keeping Go's result types. */
final class MathTransform {
    private MathTransform() {
    }

    static Transform compile(JsonNode cfg, Engine engine) {
        String type = cfg.path("type").asText("");
        if (type.isEmpty()) {
            if (engine == Engine.PT) {
                throw new RenderException("math transform type is required");
            }
            // The legacy API defaults the type; its conversion tooling infers it from the field that is set.
            type = cfg.has("clampMin") ? "ClampMin" : cfg.has("clampMax") ? "ClampMax" : "Multiply";
        }
        String field = switch (type) {
            case "Multiply" -> "multiply";
            case "ClampMin" -> "clampMin";
            case "ClampMax" -> "clampMax";
            default -> throw new RenderException("type " + type + " is not supported for math transform type");
        };
        JsonNode operand = cfg.get(field);
        if (operand != null && !operand.isNull() && !GoValues.isInt(operand)) {
            throw new RenderException("math." + field + " must be an integer, got " + GoValues.json(operand));
        }
        if (operand == null || operand.isNull()) {
            throw new RenderException(field + " is required by type " + type);
        }
        final String t = type;
        final long n = operand.asLong();
        return in -> {
            if (in == null || !in.isNumber()) {
                throw new TransformException("input is required to be a number for math transformer, got "
                        + GoValues.typeName(in));
            }
            boolean isInt = GoValues.isInt(in);
            switch (t) {
                case "Multiply" -> {
                    return isInt ? GoValues.NODES.numberNode(in.asLong() * n)
                            : GoValues.NODES.numberNode(in.asDouble() * (double) n);
                }
                case "ClampMin" -> {
                    long v = isInt ? in.asLong() : truncate(in.asDouble());
                    return v < n ? GoValues.NODES.numberNode(n) : in;
                }
                default -> {
                    long v = isInt ? in.asLong() : truncate(in.asDouble());
                    return v > n ? GoValues.NODES.numberNode(n) : in;
                }
            }
        };
    }

    /** Go's int64(f) conversion for in-range values (truncation toward zero). */
    static long truncate(double d) {
        return (long) d;
    }
}
