package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.Composer;
import io.xp2aso.mapping.AsoSchemas;
import io.xp2aso.mapping.CrdStore;
import io.xp2aso.mapping.StrictGate;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.mapping.SchemaValidator;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's proof. Over every upjet example (cluster-scoped and namespaced) and every corpus repository, for each
 * MR of a mapped kind, every value its forProvider (and initProvider) sets is either carried into the ASO objects
 * (found there as written, or the objects change when it is taken away: the mapping converted it), or reported
 * (an unmapped field, an ignored field, a finding naming it, or an error on the MR, whose objects are then not
 * written): none is lost silently. And every ASO object migrate writes to aso/ validates against the real ASO CRD.
 * Uptest placeholders (${Rand...}, ${data.azurerm_client_config...}) are substituted first.
 */
class FidelityProofTest {
    private static final String SUB = "00000000-0000-0000-0000-0000000000f1";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private final MappingCatalog catalog = MappingCatalog.load(null);
    private final MapOptions options = new MapOptions(null, SUB, Map.of());
    private int carried;
    private int reported;
    private int inert;
    private int runs;
    private final List<String> lost = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    @Test
    void everyValueIsCarriedOrReportedAndEveryWrittenObjectIsValid() throws Exception {
        Path ref = Shared.reference();
        long start = System.nanoTime();
        SchemaValidator validator = new SchemaValidator(new CrdStore(ref.resolve("aso/crds")));
        List<Path> examples = new ArrayList<>();
        for (String dir : List.of("upjet-azure/examples", "upjet-azure/examples-namespaced")) {
            try (Stream<Path> walk = Files.walk(ref.resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(examples::add);
            }
        }
        for (Path file : examples) {
            String text = substitute(Files.readString(file, StandardCharsets.UTF_8));
            if (!mapsAnything(text)) {
                continue;
            }
            SourceSet sources;
            try {
                sources = SourceReader.read(List.of("-"), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            } catch (InputException e) {
                continue; // upstream examples that repeat a key: the API server rejects them too (UpjetExamplesTest)
            }
            check(ref.relativize(file).toString(), sources, validator);
        }
        try (Stream<Path> repos = Files.list(Shared.corpus())) {
            for (Path repo : repos.filter(Files::isDirectory).sorted().toList()) {
                check("corpus/" + repo.getFileName(), SourceReader.read(List.of(repo.toString()), null), validator);
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("fidelity: " + carried + " values carried, " + reported + " reported, " + inert
                + " inert (reference helpers Crossplane does not use), " + lost.size() + " lost (" + runs
                + " mapping runs, " + seconds + " s)");
        assertTrue(carried > 1000 && reported > 0, "the proof ran over the examples: " + carried + " carried");
        assertEquals(List.of(), lost, "values neither carried into ASO nor reported");
        assertEquals(List.of(), invalid, "objects written to aso/ that their ASO CRD refuses");
    }

    /** Stands in for what uptest substitutes before it applies an example. */
    static String substitute(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String v;
            if (key.startsWith("Rand.")) {
                v = "xp2asofid";
            } else if (key.endsWith("subscription_resource_id") || key.equals("data.azurerm_subscription.primary.id")) {
                v = "/subscriptions/" + SUB;
            } else if (key.endsWith("_id") && !key.endsWith(".id")) {
                // tenant, object, principal, subscription IDs: a GUID per placeholder (two principals stay two)
                v = java.util.UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
            } else if (key.endsWith(".id")) {
                v = "/subscriptions/" + SUB + "/resourceGroups/example-resources/providers/Microsoft.Example/examples/example";
            } else {
                v = "example";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A cheap look before parsing: an example of no mapped kind has nothing to prove. */
    private boolean mapsAnything(String text) {
        String apiVersion = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("apiVersion: ")) {
                apiVersion = line.substring(12).trim();
            } else if (line.startsWith("kind: ") && catalog.hasMapping(apiVersion, line.substring(6).trim())) {
                return true;
            }
        }
        return false;
    }

    private void check(String where, SourceSet sources, SchemaValidator validator) throws Exception {
        Estate estate = new Estate(sources);
        ComposeResult composed = new Composer().compose(estate, ObservedIndex.EMPTY);
        MappingResult mapped = map(composed);
        Set<String> output = scalars(mapped);
        String before = targetsJson(mapped);
        String beforeFindings = findingsText(mapped);
        for (int u = 0; u < composed.units().size(); u++) {
            Unit unit = composed.units().get(u);
            MappedUnit mu = mapped.units().get(u);
            for (int r = 0; r < unit.resources().size(); r++) {
                ComposedResource cr = unit.resources().get(r);
                MappedResource m = mu.resources().get(r);
                if (!catalog.hasMapping(cr.object().path("apiVersion").asText(), cr.object().path("kind").asText())) {
                    continue;
                }
                boolean errors = m.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
                for (String block : List.of("forProvider", "initProvider")) {
                    List<Leaf> leaves = new ArrayList<>();
                    leaves(cr.object().path("spec").path(block), List.of(), "", leaves);
                    for (Leaf leaf : leaves) {
                        if (reportedIn(m, leaf) || errors) {
                            reported++;
                        } else if (inert(cr.object().path("spec").path(block), leaf)) {
                            inert++;
                        } else if (verbatim(leaf.value(), output)) {
                            carried++;
                        } else if (effect(composed, u, r, block, leaf, before, beforeFindings)) {
                            // counted by effect()
                        } else if (helperBase(leaf.path()) != null && ownedByName(m)) {
                            // A helper for an ancestor (resource group, account) of an MR owned by a migrated parent:
                            // the parent implies it, and it would only fill the parent's ARM ID were it not migrated.
                            inert++;
                        } else {
                            lost.add(where + ": " + cr.object().path("kind").asText() + " "
                                    + cr.object().path("metadata").path("name").asText() + " " + block + "." + leaf.path() + " " + leaf.concrete()
                                    + " = " + leaf.value());
                        }
                    }
                }
            }
        }
        // What migrate writes to aso/: the objects the strict gate lets through (the pipeline's own map stage and layout).
        AsoTree.Layout layout = AsoTree.layout(StrictGate.apply(mapped, AsoSchemas.builtIn()), DisplayPaths.asGiven());
        for (Map.Entry<String, String> e : layout.files().entrySet()) {
            if (e.getKey().startsWith(AsoTree.ROOT + "/") && !e.getKey().endsWith(AsoTree.KUSTOMIZATION)) {
                JsonNode node = Yaml.YAML.readTree(e.getValue());
                validator.validate(node).forEach(p -> invalid.add(where + ": " + e.getKey() + ": " + p));
            }
        }
    }

    private MappingResult map(ComposeResult composed) {
        runs++;
        return Mapper.map(composed, catalog, ObservedIndex.EMPTY, options);
    }

    /** A scalar the MR sets: its path with list indices (to remove it), without (as findings name it), its value. */
    private record Leaf(List<Object> concrete, String path, JsonNode value) {
    }

    private static void leaves(JsonNode node, List<Object> concrete, String path, List<Leaf> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), with(concrete, e.getKey()), join(path, e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), with(concrete, i), path, out);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.add(new Leaf(concrete, path, node));
        }
    }

    private static List<Object> with(List<Object> steps, Object step) {
        List<Object> out = new ArrayList<>(steps);
        out.add(step);
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "." + b;
    }

    /**
     * A leaf of a reference helper ({@code xRef}, {@code xRefs}, {@code xSelector}) that Crossplane does not use: the
     * field it would fill is set in the MR (resolution is then a no-op).
     */
    private static boolean inert(JsonNode block, Leaf leaf) {
        String base = helperBase(leaf.path());
        if (base == null) {
            return false;
        }
        JsonNode parent = block;
        List<Object> steps = leaf.concrete();
        String helper = base.substring(base.lastIndexOf('.') + 1);
        for (Object step : steps) {
            if (step instanceof String name && (name.equals(helper + "Ref") || name.equals(helper + "Refs")
                    || name.equals(helper + "Selector"))) {
                break;
            }
            parent = step instanceof Integer n ? parent.get(n) : parent.get((String) step);
        }
        JsonNode value = parent.get(helper);
        return value != null && !value.isNull();
    }

    private static boolean ownedByName(MappedResource m) {
        return !m.targets().isEmpty() && !m.targets().get(0).path("spec").path("owner").path("name").asText("").isEmpty();
    }

    /** The field a helper leaf fills ("a.bSelector.matchLabels.x" -> "a.b"), or null for other leaves. */
    static String helperBase(String path) {
        String[] parts = path.split("\\.");
        StringBuilder base = new StringBuilder();
        for (String p : parts) {
            for (String suffix : new String[]{"Selector", "Refs", "Ref"}) {
                if (p.endsWith(suffix) && p.length() > suffix.length() && !p.endsWith("SecretRef")) {
                    return base + (base.length() == 0 ? "" : ".") + p.substring(0, p.length() - suffix.length());
                }
            }
            base.append(base.length() == 0 ? "" : ".").append(p);
        }
        return null;
    }

    /** Unmapped (as the MR wrote it), or named by a finding (ignored, value-not-mapped, init-provider...). */
    private static boolean reportedIn(MappedResource m, Leaf leaf) {
        String base = helperBase(leaf.path());
        if (base != null && reportedIn(m, new Leaf(leaf.concrete(), base, leaf.value()))) {
            return true; // the helper of a field that is itself ignored or reported
        }
        for (String u : m.unmapped()) {
            if (leaf.path().equals(u) || leaf.path().startsWith(u + ".")) {
                return true;
            }
        }
        String p = leaf.path();
        while (!p.isEmpty()) {
            String named = "." + p;
            for (Finding f : m.findings()) {
                if (f.message().contains(named + " ") || f.message().contains(named + ":") || f.message().contains(named + ",")
                        || f.message().endsWith(named)) {
                    return true;
                }
            }
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
        return false;
    }

    /** The value as it was written, found among the objects' scalars (names and IDs may embed it). */
    private static boolean verbatim(JsonNode value, Set<String> output) {
        String v = value.asText().toLowerCase(java.util.Locale.ROOT);
        if (value.isBoolean() || value.isNumber() || v.length() < 4) {
            return false; // too common to tell apart: the objects must change without it
        }
        if (output.contains(v)) {
            return true;
        }
        for (String o : output) {
            if (o.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> scalars(MappingResult mapped) {
        Set<String> out = new HashSet<>();
        for (MappedUnit mu : mapped.units()) {
            for (MappedResource r : mu.resources()) {
                for (ObjectNode t : r.targets()) {
                    collect(t.path("spec"), out);
                }
            }
        }
        return out;
    }

    private static void collect(JsonNode n, Set<String> out) {
        if (n.isContainerNode()) {
            n.forEach(c -> collect(c, out));
        } else {
            out.add(n.asText().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Whether the value, taken away or changed, changes the objects (carried) or else the findings (reported: a
     * finding names it); counts it.
     */
    private boolean effect(ComposeResult composed, int u, int r, String block, Leaf leaf, String specs, String findings) {
        boolean named = false;
        for (boolean perturb : new boolean[]{false, true}) {
            MappingResult m = map(changed(composed, u, r, block, leaf, perturb));
            if (!specs.equals(targetsJson(m))) {
                carried++;
                return true;
            }
            named |= !findings.equals(findingsText(m));
        }
        if (named) {
            reported++;
        }
        return named;
    }

    private static String targetsJson(MappingResult mapped) {
        StringBuilder sb = new StringBuilder();
        for (MappedUnit mu : mapped.units()) {
            for (MappedResource r : mu.resources()) {
                for (ObjectNode t : r.targets()) {
                    sb.append(t.path("spec")).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String findingsText(MappingResult mapped) {
        StringBuilder sb = new StringBuilder();
        for (MappedUnit mu : mapped.units()) {
            for (MappedResource r : mu.resources()) {
                r.findings().forEach(f -> sb.append(f.code()).append(' ').append(f.message()).append('\n'));
            }
        }
        return sb.toString();
    }

    /**
     * The same composition with one value of one MR taken away, or (perturb) replaced by another value: a value the
     * mapping reads changes the objects or the findings one way or the other (a `false` that writes nothing when
     * absent too changes them when it becomes `true`).
     */
    private static ComposeResult changed(ComposeResult composed, int u, int r, String block, Leaf leaf, boolean perturb) {
        List<Unit> units = new ArrayList<>(composed.units());
        Unit unit = units.get(u);
        List<ComposedResource> resources = new ArrayList<>(unit.resources());
        ComposedResource cr = resources.get(r);
        ObjectNode copy = cr.object().deepCopy();
        remove(copy.with("spec").with(block), leaf.concrete(), perturb ? other(leaf.value()) : null);
        resources.set(r, new ComposedResource(cr.resourceName(), copy, cr.origin(), cr.observed()));
        units.set(u, new Unit(unit.id(), unit.namespace(), unit.name(), unit.claim(), unit.composite(),
                unit.compositeSource(), unit.composition(), resources, unit.nested(), unit.findings()));
        return new ComposeResult(units, composed.findings());
    }

    private static JsonNode other(JsonNode v) {
        if (v.isBoolean()) {
            return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(!v.asBoolean());
        }
        if (v.isNumber()) {
            return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(v.asDouble() + 7);
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(v.asText() + "-changed");
    }

    /** Removes the value at steps, or puts {@code replacement} there instead. */
    private static void remove(JsonNode root, List<Object> steps, JsonNode replacement) {
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object s = steps.get(i);
            parent = s instanceof Integer n ? parent.get(n) : parent.get((String) s);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer n) {
            if (replacement == null) {
                ((ArrayNode) parent).remove(n);
            } else {
                ((ArrayNode) parent).set(n, replacement);
            }
        } else if (replacement == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, replacement);
        }
    }
}
