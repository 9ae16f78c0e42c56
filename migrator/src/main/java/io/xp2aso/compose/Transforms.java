package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a patch's {@code transforms} list once (regexps included) into a chain applied in order. What Crossplane
 * validates with the Composition (API schema and validation for the legacy engine, input validation for
 * function-patch-and-transform: types, required settings, regexps that do not compile) throws at compile time, so a
 * broken transform is reported even when no XR sets the field it reads; what depends on the value (a math
 * transform given a string, a map key that is missing) fails when the transform runs, as in Crossplane.
 */
public final class Transforms {
    private final List<Transform> chain;
    private final List<String> types;

    private Transforms(List<Transform> chain, List<String> types) {
        this.chain = chain;
        this.types = types;
    }

    public static final Transforms NONE = new Transforms(List.of(), List.of());

    public boolean isEmpty() {
        return chain.isEmpty();
    }

    public static Transforms compile(JsonNode list, Engine engine) {
        if (list == null || list.isMissingNode() || list.isNull() || list.size() == 0) {
            return NONE;
        }
        if (!list.isArray()) {
            throw new RenderException("transforms must be a list");
        }
        List<Transform> chain = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String type = t.path("type").asText("");
            try {
                chain.add(compileOne(t, type, engine));
            } catch (RenderException e) {
                throw e.wrap("invalid transform at index " + i);
            }
            types.add(type);
        }
        return new Transforms(List.copyOf(chain), List.copyOf(types));
    }

    /** Runs the chain; an error names the failing transform as Crossplane does. */
    public JsonNode apply(JsonNode input) {
        JsonNode v = input;
        for (int i = 0; i < chain.size(); i++) {
            try {
                v = chain.get(i).apply(v);
            } catch (RenderException e) {
                throw new TransformException("transform at index " + i + " returned error: "
                        + types.get(i) + " transform could not resolve: " + e.getMessage());
            }
        }
        return v;
    }

    private static Transform compileOne(JsonNode t, String type, Engine engine) {
        if (type.isEmpty()) {
            // The legacy API infers nothing here either: type is required by the schema.
            throw new RenderException("transform type is required");
        }
        JsonNode cfg = t.get(type);
        switch (type) {
            case "map", "match", "math", "string", "convert" -> {
                if (cfg == null || cfg.isNull()) {
                    throw new RenderException("given transform type " + type + " requires configuration");
                }
            }
            default -> throw new RenderException("transform type " + type + " is not supported");
        }
        return switch (type) {
            case "map" -> map(cfg, engine);
            case "match" -> match(cfg, engine);
            case "math" -> MathTransform.compile(cfg, engine);
            case "string" -> StringTransform.compile(cfg, engine);
            default -> ConvertTransform.compile(cfg, engine);
        };
    }

    // ---- map ------------------------------------------------------------------------------------------------

    private static Transform map(JsonNode cfg, Engine engine) {
        // The legacy API allowed the pairs inline or (older) under "pairs"; function input has them inline.
        JsonNode pairs = cfg;
        if (engine == Engine.PT && pairs.size() == 0) {
            throw new RenderException("map transform must have at least one pair");
        }
        return in -> {
            if (in == null || !in.isTextual()) {
                throw new TransformException("type " + GoValues.typeName(in) + " is not supported for map transform");
            }
            JsonNode v = pairs.get(in.asText());
            if (v == null) {
                throw new TransformException("key " + in.asText() + " is not found in map");
            }
            return v.deepCopy();
        };
    }

    // ---- match ----------------------------------------------------------------------------------------------

    private record MatchPattern(String type, String literal, Pattern regexp, JsonNode result) {
    }

    private static Transform match(JsonNode cfg, Engine engine) {
        JsonNode ps = cfg.path("patterns");
        if (engine == Engine.PT && ps.size() == 0) {
            throw new RenderException("match transform must have at least one pattern");
        }
        List<MatchPattern> patterns = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            JsonNode p = ps.get(i);
            String ptype = p.path("type").asText("literal");
            if (ptype.isEmpty()) {
                ptype = "literal";
            }
            JsonNode lit = p.get("literal");
            JsonNode re = p.get("regexp");
            if (engine == Engine.PT) {
                if (ptype.equals("literal") && lit == null) {
                    throw new RenderException("patterns[" + i + "]: literal is required by type literal");
                }
                if (ptype.equals("regexp") && re == null) {
                    throw new RenderException("patterns[" + i + "]: regexp is required by type regexp");
                }
            }
            Pattern compiled = null;
            if (ptype.equals("regexp") && re != null) {
                try {
                    compiled = Pattern.compile(re.asText());
                } catch (PatternSyntaxException e) {
                    // Crossplane validates the regexp with the Composition, whether or not a patch ever runs it.
                    throw new RenderException("patterns[" + i + "]: cannot compile regexp: " + e.getMessage());
                }
            }
            patterns.add(new MatchPattern(ptype, lit == null ? null : lit.asText(), compiled, p.get("result")));
        }
        String fallbackTo = cfg.path("fallbackTo").asText("Value");
        JsonNode fallbackValue = cfg.get("fallbackValue");
        if (fallbackTo.equals("Input") && fallbackValue != null && !fallbackValue.isNull()) {
            throw new RenderException("cannot set both a fallback value and the fallback to input flag");
        }
        return in -> {
            for (int i = 0; i < patterns.size(); i++) {
                MatchPattern p = patterns.get(i);
                boolean matched;
                try {
                    matched = matches(p, in);
                } catch (TransformException e) {
                    throw new TransformException("cannot match pattern at index " + i + ": " + e.getMessage());
                }
                if (matched) {
                    return p.result() == null ? GoValues.NODES.nullNode() : p.result().deepCopy();
                }
            }
            if (fallbackTo.equals("Input")) {
                return in;
            }
            return fallbackValue == null ? GoValues.NODES.nullNode() : fallbackValue.deepCopy();
        };
    }

    private static boolean matches(MatchPattern p, JsonNode in) {
        switch (p.type()) {
            case "literal" -> {
                if (p.literal() == null) {
                    throw new TransformException("literal is required by type literal");
                }
                if (in == null || !in.isTextual()) {
                    throw new TransformException("unsupported input type '" + GoValues.typeName(in) + "'");
                }
                return in.asText().equals(p.literal());
            }
            case "regexp" -> {
                if (p.regexp() == null) {
                    throw new TransformException("regexp is required by type regexp");
                }
                if (GoValues.isNil(in)) {
                    throw new TransformException("unsupported input type 'null'");
                }
                if (!in.isTextual()) {
                    throw new TransformException("unsupported input type '" + GoValues.typeName(in) + "'");
                }
                // Go's MatchString is a search, not an anchored match.
                return p.regexp().matcher(in.asText()).find();
            }
            default -> throw new TransformException("unsupported pattern type '" + p.type() + "'");
        }
    }
}
