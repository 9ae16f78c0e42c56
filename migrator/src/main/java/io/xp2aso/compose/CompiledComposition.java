package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Composition (or CompositionRevision) compiled once: legacy templates with their optional environment, or the
 * pipeline's steps. Field paths, transforms and regexps are parsed here, so rendering thousands of XRs reuses them.
 * A Composition Crossplane would reject is an {@link InputException} naming the file and line.
 */
public record CompiledComposition(CompositionDef def, boolean pipeline, List<Template> templates,
                                  EnvironmentSpec environment, List<Patch> environmentPatches, List<Step> steps) {

    public String name() {
        return def.name();
    }

    public Origin origin() {
        return def.manifest().origin();
    }

    public static CompiledComposition compile(CompositionDef def) {
        return compile(def, TemplateFiles.NONE);
    }

    /** files: where function-go-templating steps with source FileSystem find their templates in the sources. */
    public static CompiledComposition compile(CompositionDef def, TemplateFiles files) {
        TemplateLines lines = new TemplateLines(def.manifest());
        Origin origin = def.manifest().origin();
        JsonNode spec = def.spec();
        try {
            if (def.compositeApiVersion().isEmpty() || def.compositeKind().isEmpty()) {
                throw new RenderException("spec.compositeTypeRef.apiVersion and kind are required");
            }
            String mode = def.mode();
            if (mode.equals("Pipeline")) {
                return new CompiledComposition(def, true, List.of(), null, List.of(), pipeline(def, lines, files));
            }
            if (!mode.equals("Resources")) {
                throw new RenderException("spec.mode " + GoFormat.quote(mode, false) + " is not Resources or Pipeline");
            }
            if (spec.has("functions")) {
                throw new RenderException("spec.functions (alpha Composition Functions of Crossplane 1.11-1.13) is not"
                        + " supported: convert the Composition to mode: Pipeline");
            }
            Map<String, JsonNode> patchSets = patchSets(spec.path("patchSets"), Engine.NATIVE);
            List<Template> templates = templates(spec.path("resources"), patchSets, Engine.NATIVE, lines, origin,
                    "/spec/resources/");
            EnvironmentSpec env = null;
            List<Patch> envPatches = List.of();
            JsonNode e = spec.get("environment");
            if (e != null && e.isObject()) {
                env = EnvironmentSpec.compile(e);
                envPatches = Patch.compileAll(e.path("patches"), patchSets, Engine.NATIVE, "spec.environment");
            }
            return new CompiledComposition(def, false, templates, env, envPatches, List.of());
        } catch (Located e) {
            throw new InputException(e.origin, def.manifest().kind() + " " + def.manifest().name() + ": " + e.getMessage());
        } catch (RenderException e) {
            throw new InputException(origin, def.manifest().kind() + " " + def.manifest().name() + ": " + e.getMessage());
        }
    }

    /** A compile error that knows the line of the template or step it is in. */
    private static final class Located extends RenderException {
        final Origin origin;

        Located(String message, Origin origin) {
            super(message);
            this.origin = origin;
        }
    }

    private static Map<String, JsonNode> patchSets(JsonNode list, Engine engine) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode ps : list) {
            String name = ps.path("name").asText("");
            JsonNode patches = ps.path("patches");
            for (JsonNode p : patches) {
                if (p.path("type").asText("").equals("PatchSet")) {
                    throw new RenderException("PatchSet " + name + ": a patch in a PatchSet cannot be of type PatchSet");
                }
            }
            out.put(name, patches);
        }
        return out;
    }

    private static List<Template> templates(JsonNode list, Map<String, JsonNode> patchSets, Engine engine,
                                            TemplateLines lines, Origin doc, String pointer) {
        List<Template> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int named = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String name = t.path("name").asText("");
            if (!name.isEmpty()) {
                named++;
            }
        }
        if (engine == Engine.NATIVE && named != 0 && named != list.size()) {
            throw new RenderException("spec.resources: either all or no entries must be named");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String name = t.path("name").asText("");
            String where = engine == Engine.NATIVE ? "spec.resources[" + i + "]" : "resources[" + i + "]";
            if (name.isEmpty()) {
                if (engine == Engine.PT) {
                    throw new RenderException(where + ": name is required");
                }
                // Unnamed legacy templates are known by position (what the conversion tool names them).
                name = "resource-" + i;
            }
            if (!names.add(name)) {
                throw new RenderException(where + ": duplicate resource name " + name);
            }
            JsonNode base = t.get("base");
            if (engine == Engine.NATIVE && (base == null || !base.isObject())) {
                throw new RenderException(where + " (" + name + "): base is required");
            }
            if (base != null && !base.isNull() && !base.isObject()) {
                throw new RenderException(where + " (" + name + "): base must be an object");
            }
            ObjectNode b = base instanceof ObjectNode o ? o.deepCopy() : null;
            if (b != null) {
                GoValues.roundTrip(b);
            }
            Origin at = lines.at(doc, pointer + i);
            try {
                out.add(new Template(name, b,
                        Patch.compileAll(t.path("patches"), patchSets, engine, ""),
                        ConnectionDetail.compileAll(t.path("connectionDetails"), engine),
                        ReadinessCheck.compileAll(t.path("readinessChecks"), engine),
                        at));
            } catch (Located e) {
                throw e;
            } catch (Patch.Invalid e) {
                // At the patch's own line (a PatchSet's patch: the line that uses the PatchSet).
                throw new Located(where + " (" + name + "): " + e.getMessage(),
                        lines.at(at, pointer + i + "/patches/" + e.index()));
            } catch (RenderException e) {
                throw new Located(where + " (" + name + "): " + e.getMessage(), at);
            }
        }
        return List.copyOf(out);
    }

    private static List<Step> pipeline(CompositionDef def, TemplateLines lines, TemplateFiles files) {
        Origin doc = def.manifest().origin();
        JsonNode steps = def.spec().path("pipeline");
        if (steps.size() == 0) {
            throw new RenderException("spec.pipeline must have at least one step in mode Pipeline");
        }
        List<Step> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            String step = s.path("step").asText("");
            String fn = s.path("functionRef").path("name").asText("");
            String where = "spec.pipeline[" + i + "] (step " + step + ")";
            if (step.isEmpty() || fn.isEmpty()) {
                throw new RenderException("spec.pipeline[" + i + "]: step and functionRef.name are required");
            }
            if (!seen.add(step)) {
                throw new RenderException(where + ": duplicate step name");
            }
            Origin origin = lines.at(doc, "/spec/pipeline/" + i);
            JsonNode input = s.get("input");
            String av = input == null ? "" : input.path("apiVersion").asText("");
            String kind = input == null ? "" : input.path("kind").asText("");
            String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : av;
            try {
                out.add(step(step, fn, origin, s, input, group, kind, lines, doc, i, files));
            } catch (Located e) {
                throw new Located(where + ": " + e.getMessage(), e.origin);
            } catch (RenderException e) {
                throw new Located(where + ": " + e.getMessage(), origin);
            }
        }
        return List.copyOf(out);
    }

    private static Step step(String step, String fn, Origin origin, JsonNode stepNode, JsonNode input, String group, String kind,
                             TemplateLines lines, Origin doc, int index, TemplateFiles files) {
        switch (group) {
            case "pt.fn.crossplane.io" -> {
                if (!kind.equals("Resources")) {
                    throw new RenderException("function-patch-and-transform input kind " + kind + " is not Resources");
                }
                Map<String, JsonNode> patchSets = patchSets(input.path("patchSets"), Engine.PT);
                List<Template> templates = templates(input.path("resources"), patchSets, Engine.PT, lines, doc,
                        "/spec/pipeline/" + index + "/input/resources/");
                List<Patch> envPatches = Patch.compileAll(input.path("environment").path("patches"), patchSets,
                        Engine.PT, "environment");
                for (Patch p : envPatches) {
                    if (p.type().equals("CombineFromEnvironment") || p.type().equals("CombineToEnvironment")) {
                        throw new RenderException("environment patch type " + p.type() + " is not valid in environment.patches");
                    }
                }
                if (templates.isEmpty() && envPatches.isEmpty()) {
                    throw new RenderException("invalid Function input: resources or environment patches are required");
                }
                return new Step.PatchAndTransform(step, fn, origin, templates, envPatches);
            }
            case "environmentconfigs.fn.crossplane.io" -> {
                return new Step.EnvironmentConfigs(step, fn, origin, EnvironmentSpec.compile(input.path("spec")));
            }
            case "gotemplating.fn.crossplane.io" -> {
                return GoTemplateStep.compile(step, fn, origin, stepNode, input,
                        lines.at(doc, "/spec/pipeline/" + index + "/input/inline"), files);
            }
            case "krm.kcl.dev" -> {
                return new Step.Unsupported(step, fn, origin, "function-kcl (KCL program)", true);
            }
            case "extra-resources.fn.crossplane.io" -> {
                return new Step.Unsupported(step, fn, origin, "function-extra-resources (fetches objects into the pipeline context)", false);
            }
            case "sequencer.fn.crossplane.io" -> {
                return new Step.Unsupported(step, fn, origin, "function-sequencer (delays creation until other resources are ready)", false);
            }
            case "function-status-transformer.fn.crossplane.io" -> {
                return new Step.Unsupported(step, fn, origin, "function-status-transformer (XR status conditions)", false);
            }
            default -> {
            }
        }
        // function-auto-ready reads no input: one given (some Compositions do) changes nothing.
        if (fn.contains("auto-ready")) {
            return new Step.AutoReady(step, fn, origin);
        }
        String what = input == null
                ? "function " + fn + " (no input: its logic is not in the Composition)"
                : "function " + fn + " with input " + (group.isEmpty() ? "" : group + "/") + kind;
        return new Step.Unsupported(step, fn, origin, what, true);
    }
}
