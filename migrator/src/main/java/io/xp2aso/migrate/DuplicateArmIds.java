package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An Azure resource must have one owner after the handoff. Every ARM ID that more than one MR (by its observed
 * status.atProvider.id) or ASO object (an existing one in the sources or the observed state, by its
 * serviceoperator.azure.com/resource-id annotation or status.id) claims, anywhere in the estate, is a
 * {@code duplicate-arm-id} error on each unit holding one of those MRs (ASO objects this migration generates do not
 * count: an interrupted handoff leaves them beside their MRs), so those units are blocked: handing them over
 * would give two ASO objects (or ASO and a remaining Crossplane MR) the same resource, and deleting either could
 * delete it. ARM IDs compare without case, as Azure does.
 */
final class DuplicateArmIds {
    private DuplicateArmIds() {
    }

    private record Claimant(String what, int unit) {
    }

    static MappingResult apply(MappingResult mapped, Estate estate, ObservedIndex observed) {
        Map<String, List<Claimant>> byId = new LinkedHashMap<>();
        Map<String, String> spelled = new LinkedHashMap<>();
        List<Unit> units = mapped.units().stream().map(MappedUnit::unit).toList();
        // The ASO objects this migration writes: found live (an interrupted handoff applied them), they are no rival.
        Set<String> generated = new java.util.HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            for (MappedResource mr : mapped.units().get(i).resources()) {
                ComposedResource r = mr.source();
                // An MR folded into another's ASO object (an association into its subnet) reports that object's ID:
                // one owner after the handoff, no rival.
                String id = r.observed() == null || mr.targets().isEmpty() ? ""
                        : r.observed().node().path("status").path("atProvider").path("id").asText("");
                file(byId, spelled, id, new Claimant(display(r.object()) + " (unit " + units.get(i).id() + ")", i));
                for (JsonNode t : mr.targets()) {
                    generated.add(asoKey(new Manifest((com.fasterxml.jackson.databind.node.ObjectNode) t, Origin.UNKNOWN)));
                }
            }
        }
        Set<Manifest> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Manifest> asoObjects = new ArrayList<>(estate.all(ObjectKind.OTHER));
        asoObjects.addAll(observed.all());
        Set<String> asoKeys = new LinkedHashSet<>();
        for (Manifest m : asoObjects) {
            if (!m.group().endsWith(".azure.com") || !seen.add(m) || generated.contains(asoKey(m)) || !asoKeys.add(asoKey(m))) {
                continue;
            }
            JsonNode n = m.node();
            String id = n.path("metadata").path("annotations").path("serviceoperator.azure.com/resource-id").asText("");
            if (id.isEmpty()) {
                id = n.path("status").path("id").asText("");
            }
            file(byId, spelled, id, new Claimant("ASO " + m.displayName(), -1));
        }
        Map<Integer, List<Finding>> extra = new LinkedHashMap<>();
        for (Map.Entry<String, List<Claimant>> e : byId.entrySet()) {
            List<Claimant> all = e.getValue();
            if (all.size() < 2) {
                continue;
            }
            List<String> names = all.stream().map(Claimant::what).toList();
            for (Claimant c : all) {
                if (c.unit() < 0) {
                    continue;
                }
                Unit u = units.get(c.unit());
                List<Finding> list = extra.computeIfAbsent(c.unit(), k -> new ArrayList<>());
                if (list.stream().anyMatch(f -> f.message().contains(spelled.get(e.getKey()) + " is claimed"))) {
                    continue;
                }
                list.add(Finding.error("duplicate-arm-id",
                        "Azure resource " + spelled.get(e.getKey()) + " is claimed by " + names.size() + " objects: "
                                + String.join(", ", names) + ". After the handoff it must have one owner, or deleting one "
                                + "of them could delete it: keep one MR (or ASO object) for it and let the others "
                                + "reference it; the units holding these MRs are blocked until then",
                        u.claim() != null ? u.claim().origin() : u.compositeSource() != null
                                ? u.compositeSource().origin() : u.resources().get(0).origin(), u.id()));
            }
        }
        if (extra.isEmpty()) {
            return mapped;
        }
        List<MappedUnit> out = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            MappedUnit mu = mapped.units().get(i);
            List<Finding> more = extra.get(i);
            if (more == null) {
                out.add(mu);
                continue;
            }
            Unit u = mu.unit();
            List<Finding> findings = new ArrayList<>(u.findings());
            findings.addAll(more);
            out.add(new MappedUnit(new Unit(u.id(), u.namespace(), u.name(), u.claim(), u.composite(), u.compositeSource(),
                    u.composition(), u.resources(), u.nested(), findings), mu.resources()));
        }
        return new MappingResult(out, mapped.findings());
    }

    /** An ASO object's identity; the group without its version, as an object is the same in every version. */
    private static String asoKey(Manifest m) {
        return m.group() + "/" + m.kind() + "/" + m.namespace() + "/" + m.name();
    }

    private static void file(Map<String, List<Claimant>> byId, Map<String, String> spelled, String id, Claimant c) {
        if (id.isEmpty()) {
            return;
        }
        String key = id.toLowerCase(Locale.ROOT);
        spelled.putIfAbsent(key, id);
        List<Claimant> list = byId.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(c)) {
            list.add(c);
        }
    }

    private static String display(JsonNode o) {
        String ns = o.path("metadata").path("namespace").asText("");
        return o.path("kind").asText("") + "/" + (ns.isEmpty() ? "" : ns + "/") + o.path("metadata").path("name").asText("");
    }
}
