package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.CompiledComposition;
import io.xp2aso.compose.EnvironmentConfigs;
import io.xp2aso.compose.FieldPath;
import io.xp2aso.compose.Patch;
import io.xp2aso.compose.RenderResult;
import io.xp2aso.compose.RenderedResource;
import io.xp2aso.compose.Renderer;
import io.xp2aso.compose.Step;
import io.xp2aso.compose.Template;
import io.xp2aso.compose.Transforms;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.model.Xrd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a Composition through the real compose and mapping stages with marker values in place of every patched
 * value, resource name, unit name and namespace, and returns the ASO objects migrate would write.
 *
 * <p>Why markers: the mapping catalog is declarative data run by {@link Mapper}; instrumenting it to track which
 * source value fed which output field would touch every rule kind. A marker that comes out verbatim (whole, or
 * inside a string) was copied; one that does not, or that changes between two spellings, was transformed, which
 * the chart then refuses. Compose and mapping run unchanged: only the patches are swapped for ones reading a
 * marker from the probe XR ({@code spec.xp2asoProbe.p<k>}).
 */
final class Probe {
    private static final String PROBE_FIELD = "xp2asoProbe";

    /** One ASO object of the probe, as migrate would write it (normalised), with the composed resource it maps. */
    record Target(String resource, int index, ObjectNode object, String mrApiVersion, String mrKind) {
        String key() {
            return resource + "#" + index;
        }
    }

    private final CompiledComposition cc;
    private final boolean namespaced;
    private final MappingCatalog catalog;
    private final MapOptions options;
    private final List<PatchRef> patches = new ArrayList<>();
    /** Composed resource names in render order; resource j's name marker is n<j>. */
    private final List<String> resources = new ArrayList<>();

    Probe(CompiledComposition cc, Xrd xrd, MappingCatalog catalog, MapOptions options) {
        this.cc = cc;
        this.namespaced = xrd != null && !xrd.scope().equals("LegacyCluster") && !xrd.scope().equals("Cluster");
        this.catalog = catalog;
        this.options = options;
        collectPatches();
    }

    List<PatchRef> patches() {
        return patches;
    }

    List<String> resources() {
        return resources;
    }

    private void collectPatches() {
        ChartEnvironment.check(cc);
        if (!cc.pipeline()) {
            for (int i = 0; i < cc.templates().size(); i++) {
                Template t = cc.templates().get(i);
                add(t, RawPatches.legacy(cc.def(), i), "spec.resources[" + i + "] (" + t.name() + ")");
            }
            return;
        }
        for (Step s : cc.steps()) {
            if (s instanceof Step.PatchAndTransform pt) {
                for (int i = 0; i < pt.templates().size(); i++) {
                    Template t = pt.templates().get(i);
                    add(t, RawPatches.pipeline(cc.def(), s.step(), i), "step " + s.step() + " resources[" + i + "] ("
                            + t.name() + ")");
                }
            } else if (s instanceof Step.Unsupported u && u.composes()) {
                throw new Untranslatable("step " + s.step() + " runs " + u.what() + ", which xp2aso does not render natively");
            }
        }
    }

    private final Map<String, List<PatchRef>> targetsOf = new LinkedHashMap<>();
    /** A patch that repeats an earlier one of its resource exactly (same source, transforms, policy, target): k to k. */
    private final Map<Integer, Integer> repeats = new LinkedHashMap<>();

    private void add(Template t, List<JsonNode> raw, String where) {
        if (raw.size() != t.patches().size()) {
            throw new Untranslatable(where + ": cannot pair the patches with their source (" + raw.size() + " vs "
                    + t.patches().size() + ")");
        }
        for (int i = 0; i < raw.size(); i++) {
            Patch p = t.patches().get(i);
            String at = where + " patches[" + i + "] (" + p.type() + ")";
            switch (p.type()) {
                case "FromCompositeFieldPath", "CombineFromComposite", "FromEnvironmentFieldPath", "CombineFromEnvironment" -> {
                    if (p.merge() != null) {
                        throw new Untranslatable(at + ": merge options (policy.toFieldPath / mergeOptions) are not"
                                + " translated yet");
                    }
                    List<PatchRef> seen = targetsOf.computeIfAbsent(t.name(), n -> new ArrayList<>());
                    String to = p.to().text();
                    JsonNode mine = raw.get(i);
                    PatchRef same = seen.stream().filter(o -> o.raw().equals(mine)).findFirst().orElse(null);
                    for (PatchRef o : seen) {
                        String other = o.patch().to().text();
                        if (o == same) {
                            // Whichever applies, the field gets the same value (seen in the corpus: a copy-pasted patch).
                            continue;
                        }
                        if (overlaps(other, to)) {
                            throw new Untranslatable(at + ": writes " + to + ", which another patch of the resource also"
                                    + " writes (" + other + "); which one wins depends on which values are set, and the"
                                    + " chart does not model that yet");
                        }
                    }
                    PatchRef ref = new PatchRef(patches.size(), t.name(), p, raw.get(i), cc.pipeline(), at,
                            p.type().contains("Environment"));
                    if (same != null) {
                        repeats.put(ref.k(), same.k());
                    } else {
                        seen.add(ref);
                    }
                    patches.add(ref);
                }
                default -> {
                    // To-XR patches change the XR status, never an MR (ChartEnvironment refuses to-environment ones).
                }
            }
        }
    }

    private static boolean overlaps(String a, String b) {
        return a.equals(b) || b.startsWith(a + ".") || b.startsWith(a + "[") || a.startsWith(b + ".") || a.startsWith(b + "[");
    }

    /** The probe's ASO objects. absent: every optional patch is left out (its source field missing). */
    List<Target> run(boolean variantB, boolean absent) {
        Map<Integer, Patch> replaced = new LinkedHashMap<>();
        for (PatchRef r : patches) {
            if (absent && !r.patch().required()) {
                continue;
            }
            Patch p = r.patch();
            String id = "p" + repeats.getOrDefault(r.k(), r.k());
            replaced.put(r.k(), new Patch("FromCompositeFieldPath", FieldPath.parse("spec." + PROBE_FIELD + "." + id),
                    p.to(), List.of(), null, Transforms.NONE, p.required(), null));
        }
        CompiledComposition probe = rewrite(replaced);
        ObjectNode xr = JsonNodeFactory.instance.objectNode();
        xr.put("apiVersion", cc.def().compositeApiVersion());
        xr.put("kind", cc.def().compositeKind());
        ObjectNode md = xr.putObject("metadata");
        md.put("name", Markers.of("x0", variantB));
        if (namespaced) {
            md.put("namespace", Markers.of(Markers.NAMESPACE, variantB));
        }
        ObjectNode values = xr.putObject("spec").putObject(PROBE_FIELD);
        for (PatchRef r : patches) {
            values.put(r.id(), Markers.of(r.id(), variantB));
        }
        RenderResult rendered = new Renderer(EnvironmentConfigs.NONE).render(probe, xr, namespaced, Map.of());
        for (Finding f : rendered.findings()) {
            if (f.severity().compareTo(Severity.WARNING) >= 0) {
                throw new Untranslatable("rendering with marker values: " + f.message());
            }
        }
        if (rendered.failed() || rendered.incomplete()) {
            throw new Untranslatable("rendering with marker values: " + (rendered.failed() ? rendered.fatal() : "incomplete"));
        }
        List<ComposedResource> composed = new ArrayList<>();
        for (RenderedResource rr : rendered.resources()) {
            int j = resources.indexOf(rr.name());
            if (j < 0) {
                resources.add(rr.name());
                j = resources.size() - 1;
            }
            ObjectNode o = rr.object();
            if (o.path("metadata").path("name").asText("").isEmpty()) {
                o.with("metadata").put("name", Markers.of("n" + j, variantB));
            }
            composed.add(new ComposedResource(rr.name(), o, rr.origin(), null));
        }
        Unit unit = new Unit("probe", Markers.of(Markers.NAMESPACE, variantB), Markers.of(Markers.UNIT, variantB), null,
                rendered.xr(), null, cc.name(), composed, List.of());
        MappingResult mapped = Mapper.map(new ComposeResult(List.of(unit), List.of()), catalog, ObservedIndex.EMPTY, options);
        List<Target> out = new ArrayList<>();
        for (MappedUnit mu : mapped.units()) {
            for (MappedResource mr : mu.resources()) {
                for (Finding f : mr.findings()) {
                    if (f.severity() == Severity.ERROR) {
                        throw new Untranslatable("composed resource " + mr.source().resourceName() + ": mapping the marker"
                                + " values: " + f.message());
                    }
                }
                for (int i = 0; i < mr.targets().size(); i++) {
                    JsonNode mrObject = mr.source().object();
                    out.add(new Target(mr.source().resourceName(), i, AsoObjects.normalise(mr.targets().get(i)),
                            mrObject.path("apiVersion").asText(""), mrObject.path("kind").asText("")));
                }
            }
        }
        return out;
    }

    private CompiledComposition rewrite(Map<Integer, Patch> replaced) {
        int[] k = {0};
        if (!cc.pipeline()) {
            return new CompiledComposition(cc.def(), false, cc.templates().stream().map(t -> swap(t, replaced, k)).toList(),
                    null, List.of(), List.of());
        }
        List<Step> steps = new ArrayList<>();
        for (Step s : cc.steps()) {
            if (s instanceof Step.PatchAndTransform pt) {
                steps.add(new Step.PatchAndTransform(pt.step(), pt.function(), pt.origin(),
                        pt.templates().stream().map(t -> swap(t, replaced, k)).toList(), List.of()));
            } else if (!(s instanceof Step.EnvironmentConfigs)) {
                // The environment's values are markers read from the probe XR, as the XR's are.
                steps.add(s);
            }
        }
        return new CompiledComposition(cc.def(), true, List.of(), null, List.of(), steps);
    }

    /** The template with its XR patches swapped for marker readers (in the order {@link #add} numbered them). */
    private static Template swap(Template t, Map<Integer, Patch> replaced, int[] k) {
        List<Patch> out = new ArrayList<>();
        for (Patch p : t.patches()) {
            if (p.type().equals("FromCompositeFieldPath") || p.type().equals("CombineFromComposite")
                    || p.type().equals("FromEnvironmentFieldPath") || p.type().equals("CombineFromEnvironment")) {
                Patch r = replaced.get(k[0]++);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return new Template(t.name(), t.base(), out, t.connectionDetails(), t.readinessChecks(), t.origin());
    }
}
