package io.xp2aso.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.xp2aso.model.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The takeover preview at migrate time: for every MR with an observed status.atProvider, what ASO's first PUT of the
 * generated spec would change. The observed state is put in ASO's shape by mapping the MR a second time with
 * status.atProvider as its forProvider (the same catalog rules, so names, owners and references come out alike);
 * both specs are then compared by {@link PropertyDiff}, as the executor compares spec and status live. Each change is
 * an info finding {@value #CODE} on the MR, so report.md, report.json and plan.md show it before anything runs.
 */
public final class StaticPreview {
    public static final String CODE = "takeover-preview";

    private StaticPreview() {
    }

    public static MappingResult apply(ComposeResult composed, MappingResult mapped, MappingCatalog catalog,
                                      ObservedIndex observed, MapOptions options) {
        ComposeResult mirror = mirror(composed);
        if (mirror == null) {
            return mapped;
        }
        MappingResult asObserved = Mapper.map(mirror, catalog, observed, options);
        Map<String, String> ids = armIds(mapped);
        List<MappedUnit> units = new ArrayList<>();
        for (int u = 0; u < mapped.units().size(); u++) {
            MappedUnit mu = mapped.units().get(u);
            MappedUnit other = asObserved.units().get(u);
            List<MappedResource> resources = new ArrayList<>();
            for (int r = 0; r < mu.resources().size(); r++) {
                MappedResource mr = mu.resources().get(r);
                resources.add(atProvider(mr) == null ? mr : withPreview(mr, other.resources().get(r), ids));
            }
            units.add(new MappedUnit(mu.unit(), resources));
        }
        return new MappingResult(units, mapped.findings());
    }

    private static MappedResource withPreview(MappedResource mr, MappedResource observedAs, Map<String, String> ids) {
        Map<String, ObjectNode> live = new HashMap<>();
        observedAs.targets().forEach(t -> live.put(key(t), t));
        List<Finding> findings = new ArrayList<>(mr.findings());
        for (ObjectNode t : mr.targets()) {
            ObjectNode have = live.get(key(t));
            String ns = t.path("metadata").path("namespace").asText("");
            String name = t.path("kind").asText() + " " + (ns.isEmpty() ? "" : ns + "/") + t.path("metadata").path("name").asText();
            if (have == null) {
                if (t == mr.targets().get(0)) {
                    continue;
                }
                // A secondary object the observed state does not make (a blob service: atProvider has no blob
                // properties): Azure's values are unknown, so every property the spec sets is a change to show.
                have = identityOnly(t);
            }
            for (PropertyChange c : PropertyDiff.compare(t.path("spec"), have.path("spec"), null, null,
                    PropertyDiff.Shape.SPEC, ref -> resolve(ref, ns, ids))) {
                findings.add(Finding.info(CODE, name + ": " + c.line(), mr.source().origin(), subject(mr)));
            }
        }
        return new MappedResource(mr.source(), mr.targets(), mr.unmapped(), findings);
    }

    private static ObjectNode identityOnly(ObjectNode t) {
        ObjectNode o = t.deepCopy();
        ObjectNode spec = o.putObject("spec");
        for (String f : List.of("azureName", "owner")) {
            if (t.path("spec").has(f)) {
                spec.set(f, t.path("spec").get(f).deepCopy());
            }
        }
        return o;
    }

    private static String subject(MappedResource mr) {
        JsonNode o = mr.source().observed() != null ? mr.source().observed().node() : mr.source().object();
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }

    /** The composed results with each observed MR's forProvider replaced by its atProvider; null when none is observed. */
    private static ComposeResult mirror(ComposeResult composed) {
        boolean any = false;
        List<Unit> units = new ArrayList<>();
        for (Unit u : composed.units()) {
            List<ComposedResource> rs = new ArrayList<>();
            for (ComposedResource cr : u.resources()) {
                JsonNode at = atProvider(cr);
                if (at == null) {
                    rs.add(cr);
                    continue;
                }
                any = true;
                ObjectNode o = cr.object().deepCopy();
                ObjectNode spec = o.with("spec");
                spec.remove("initProvider");
                spec.set("forProvider", at.deepCopy());
                rs.add(new ComposedResource(cr.resourceName(), o, cr.origin(), cr.observed()));
            }
            units.add(new Unit(u.id(), u.namespace(), u.name(), u.claim(), u.composite(), u.compositeSource(),
                    u.composition(), rs, u.findings()));
        }
        return any ? new ComposeResult(units, composed.findings()) : null;
    }

    private static JsonNode atProvider(MappedResource mr) {
        return atProvider(mr.source());
    }

    private static JsonNode atProvider(ComposedResource cr) {
        if (cr.observed() == null) {
            return null;
        }
        JsonNode at = cr.observed().node().path("status").path("atProvider");
        return at.isObject() && !at.isEmpty() ? at : null;
    }

    /** ASO object (kind/namespace/name) -> the ARM ID of the MR it is the primary target of. */
    private static Map<String, String> armIds(MappingResult mapped) {
        Map<String, String> out = new HashMap<>();
        for (MappedUnit mu : mapped.units()) {
            for (MappedResource mr : mu.resources()) {
                JsonNode at = atProvider(mr);
                String id = at == null ? "" : at.path("id").asText("");
                if (id.isEmpty()) {
                    continue;
                }
                String last = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                for (ObjectNode t : mr.targets()) {
                    String n = t.path("spec").path("azureName").asText(t.path("metadata").path("name").asText(""));
                    if (n.toLowerCase(Locale.ROOT).equals(last)) {
                        out.put(t.path("kind").asText() + "/" + t.path("metadata").path("namespace").asText("") + "/"
                                + t.path("metadata").path("name").asText(""), id);
                    }
                }
            }
        }
        return out;
    }

    private static Optional<String> resolve(JsonNode ref, String namespace, Map<String, String> ids) {
        Optional<String> direct = PropertyDiff.directArmId(ref);
        if (direct.isPresent()) {
            return direct;
        }
        return Optional.ofNullable(ids.get(ref.path("kind").asText() + "/" + namespace + "/" + ref.path("name").asText()));
    }

    private static String key(ObjectNode t) {
        return t.path("apiVersion").asText() + "/" + t.path("kind").asText() + "/"
                + t.path("metadata").path("namespace").asText("") + "/" + t.path("metadata").path("name").asText("");
    }
}
