package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled patch (PatchSets already inlined). {@code to} defaults to {@code from}; Combine patches carry their
 * variables and Go format string. {@code merge} is null for Replace.
 */
public record Patch(String type, FieldPath from, FieldPath to, List<FieldPath> variables, String format,
                    Transforms transforms, boolean required, MergeOptions merge) {

    public static final Set<String> TYPES = Set.of("FromCompositeFieldPath", "ToCompositeFieldPath",
            "CombineFromComposite", "CombineToComposite", "FromEnvironmentFieldPath", "ToEnvironmentFieldPath",
            "CombineFromEnvironment", "CombineToEnvironment", "PatchSet");

    public boolean isCombine() {
        return type.startsWith("Combine");
    }

    /** True for patches that write the composed resource (and so can block its creation when Required). */
    public boolean toComposed() {
        return switch (type) {
            case "FromCompositeFieldPath", "CombineFromComposite", "FromEnvironmentFieldPath", "CombineFromEnvironment" -> true;
            default -> false;
        };
    }

    /** Compiles a patch list, inlining PatchSets (which may not nest). */
    public static List<Patch> compileAll(JsonNode patches, Map<String, JsonNode> patchSets, Engine engine, String where) {
        List<Patch> out = new ArrayList<>();
        for (int i = 0; patches != null && i < patches.size(); i++) {
            JsonNode p = patches.get(i);
            String type = p.path("type").asText("");
            if (type.isEmpty()) {
                type = "FromCompositeFieldPath";
            }
            if (type.equals("PatchSet")) {
                String name = p.path("patchSetName").asText("");
                if (name.isEmpty()) {
                    throw new RenderException(at(where) + "patches[" + i + "]: PatchSetName is required by type PatchSet");
                }
                JsonNode set = patchSets.get(name);
                if (set == null) {
                    throw new RenderException(at(where) + "patches[" + i + "]: cannot find PatchSet by name " + name);
                }
                for (int k = 0; k < set.size(); k++) {
                    out.add(compile(set.get(k), engine, at(where) + "patches[" + i + "] (PatchSet " + name + " patches[" + k + "])", i));
                }
                continue;
            }
            out.add(compile(p, engine, at(where) + "patches[" + i + "]", i));
        }
        return List.copyOf(out);
    }

    /** A patch that does not compile, with its index in the list, so the error can name the patch's line. */
    public static final class Invalid extends RenderException {
        private final int index;

        Invalid(String message, int index) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private static Patch compile(JsonNode p, Engine engine, String where, int index) {
        try {
            return compile(p, engine, where);
        } catch (RenderException e) {
            throw new Invalid(e.getMessage(), index);
        }
    }

    private static String at(String where) {
        return where.isEmpty() ? "" : where + " ";
    }

    static Patch compile(JsonNode p, Engine engine, String where) {
        try {
            return compile(p, engine);
        } catch (RenderException e) {
            throw e.wrap(where);
        }
    }

    private static Patch compile(JsonNode p, Engine engine) {
        String type = p.path("type").asText("");
        if (type.isEmpty()) {
            type = "FromCompositeFieldPath";
        }
        if (!TYPES.contains(type)) {
            throw new RenderException("patch type " + type + " is not supported");
        }
        if (type.equals("PatchSet")) {
            throw new RenderException("a patch in a PatchSet cannot be of type PatchSet");
        }
        FieldPath from = null;
        FieldPath to = null;
        List<FieldPath> vars = List.of();
        String fmt = null;
        String toText = p.path("toFieldPath").asText("");
        if (type.startsWith("Combine")) {
            JsonNode combine = p.get("combine");
            if (combine == null || combine.isNull()) {
                throw new RenderException("combine is required by type " + type);
            }
            if (toText.isEmpty()) {
                throw new RenderException("toFieldPath is required by type " + type);
            }
            JsonNode vs = combine.path("variables");
            if (vs.size() == 0) {
                throw new RenderException("combine.variables: at least one variable is required");
            }
            List<FieldPath> list = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                String f = vs.get(i).path("fromFieldPath").asText("");
                if (f.isEmpty()) {
                    throw new RenderException("combine.variables[" + i + "].fromFieldPath is required");
                }
                list.add(parsePath(f, "combine.variables[" + i + "].fromFieldPath"));
            }
            vars = List.copyOf(list);
            String strategy = combine.path("strategy").asText("");
            if (!strategy.equals("string")) {
                throw new RenderException("combine strategy " + strategy + " is not supported");
            }
            JsonNode s = combine.get("string");
            if (s == null || s.isNull() || !s.has("fmt")) {
                throw new RenderException("given combine strategy string requires configuration");
            }
            fmt = s.path("fmt").asText();
            to = parsePath(toText, "toFieldPath");
        } else {
            String fromText = p.path("fromFieldPath").asText("");
            if (fromText.isEmpty()) {
                throw new RenderException("fromFieldPath is required by type " + type);
            }
            from = parsePath(fromText, "fromFieldPath");
            if (from.hasWildcard()) {
                throw new RenderException("fromFieldPath " + fromText + ": wildcards are not supported in fromFieldPath");
            }
            to = parsePath(toText.isEmpty() ? fromText : toText, "toFieldPath");
        }
        JsonNode policy = p.path("policy");
        String fromPolicy = policy.path("fromFieldPath").asText("Optional");
        if (!fromPolicy.equals("Optional") && !fromPolicy.equals("Required")) {
            throw new RenderException("policy.fromFieldPath " + fromPolicy + " is not Optional or Required");
        }
        MergeOptions merge = null;
        if (policy.has("toFieldPath")) {
            merge = MergeOptions.fromPolicy(policy.path("toFieldPath").asText(""));
        } else if (engine == Engine.NATIVE && policy.has("mergeOptions") && !policy.get("mergeOptions").isNull()) {
            JsonNode mo = policy.get("mergeOptions");
            merge = new MergeOptions(mo.path("keepMapValues").asBoolean(false), mo.path("appendSlice").asBoolean(false));
        }
        return new Patch(type, from, to, vars, fmt, Transforms.compile(p.get("transforms"), engine),
                fromPolicy.equals("Required"), merge);
    }

    private static FieldPath parsePath(String text, String field) {
        try {
            return FieldPath.parse(text);
        } catch (RenderException e) {
            throw new RenderException(field + " " + GoFormat.quote(text, false) + ": " + e.getMessage());
        }
    }
}
