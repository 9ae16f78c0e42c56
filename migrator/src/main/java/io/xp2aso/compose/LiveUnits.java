package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.NestedComposite;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compose stage for live objects (migrate --from-cluster without SOURCE): units come from the cluster's own
 * graph, claim -> XR (spec.resourceRef) -> MRs (the XR's resourceRefs, controller owner references and
 * crossplane.io/composite labels), and each MR is taken as Crossplane rendered it. Nothing is re-rendered, so
 * compositions of any function migrate. The estate holds the cleaned objects (spec, no status or server
 * bookkeeping); the observed index holds them whole, for uids, external names, IDs and atProvider. An XR composed by
 * another XR is part of that XR's unit (its MRs with the unit's), and a composed object that is not an Azure MR
 * blocks the unit (see {@link TreeCheck}).
 * The Composer's "use observed MRs" fallback does not fit: it runs inside rendering and finds MRs only by label
 * plus composition-resource-name annotation, which MRs created by some functions lack.
 */
public final class LiveUnits {
    private final Estate estate;
    private final ObservedIndex observed;
    private final Map<String, Manifest> byKey = new HashMap<>();
    private final Map<String, Manifest> xrByUid = new HashMap<>();
    private final Map<String, List<Manifest>> byControllerUid = new HashMap<>();
    private final Map<String, List<Manifest>> byCompositeLabel = new HashMap<>();
    private final Set<Manifest> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final UnitIds ids = new UnitIds();
    private final List<Unit> units = new ArrayList<>();
    private final List<Finding> global = new ArrayList<>();

    private LiveUnits(Estate estate, ObservedIndex observed) {
        this.estate = estate;
        this.observed = observed;
        for (ObjectKind k : List.of(ObjectKind.COMPOSITE, ObjectKind.MANAGED)) {
            for (Manifest m : estate.all(k)) {
                byKey.put(key(m.group(), m.kind(), m.namespace(), m.name()), m);
                if (k == ObjectKind.COMPOSITE) {
                    String uid = live(m).path("metadata").path("uid").asText("");
                    if (!uid.isEmpty()) {
                        xrByUid.put(uid, m);
                    }
                }
                String owner = controllerUid(live(m));
                if (!owner.isEmpty()) {
                    byControllerUid.computeIfAbsent(owner, x -> new ArrayList<>()).add(m);
                }
                String label = m.label(ComposedMetadata.COMPOSITE);
                if (!label.isEmpty()) {
                    byCompositeLabel.computeIfAbsent(m.namespace() + "/" + label, x -> new ArrayList<>()).add(m);
                }
            }
        }
    }

    public static ComposeResult compose(Estate estate, ObservedIndex observed) {
        return new LiveUnits(estate, observed == null ? ObservedIndex.EMPTY : observed).run();
    }

    private ComposeResult run() {
        for (Manifest claim : estate.all(ObjectKind.CLAIM)) {
            claimUnit(claim);
        }
        for (Manifest xr : estate.all(ObjectKind.COMPOSITE)) {
            // A nested XR is handed over with the tree of the XR that composes it, never on its own.
            if (!placed.contains(xr) && xrByUid.get(controllerUid(live(xr))) == null) {
                compositeUnit(xr);
            }
        }
        for (Manifest xr : estate.all(ObjectKind.COMPOSITE)) {
            if (!placed.contains(xr)) {
                compositeUnit(xr);
            }
        }
        for (Manifest mr : estate.all(ObjectKind.MANAGED)) {
            if (!placed.contains(mr)) {
                loneUnit(mr);
            }
        }
        return new ComposeResult(units, global);
    }

    private void claimUnit(Manifest claim) {
        Manifest xr = compositeOfClaim(claim);
        if (xr == null) {
            global.add(Finding.warning("claim-without-composite", claim.displayName() + " has no composite resource on"
                    + " the cluster (spec.resourceRef " + refText(claim.node().path("spec").path("resourceRef"))
                    + "): nothing to migrate for it", claim.origin(), claim.displayName()));
            return;
        }
        String ns = ClaimToComposite.namespace(claim);
        add(ids.unique(ns + "/" + claim.name(), claim.kind()), ns, claim.name(), claim, xr, new ArrayList<>());
    }

    private void compositeUnit(Manifest xr) {
        List<Finding> findings = new ArrayList<>();
        Manifest parent = xrByUid.get(controllerUid(live(xr)));
        if (parent != null) {
            // Only when its parent's tree did not take it (a cycle of owner references).
            findings.add(Finding.error("nested-composite", xr.displayName() + " is composed by " + parent.displayName()
                    + " but could not be placed in its tree (a cycle of owner references?)", xr.origin(), xr.displayName()));
        }
        String ns = xr.namespace();
        add(ids.unique((ns.isEmpty() ? "_cluster" : ns) + "/" + xr.name(), xr.kind()), ns, xr.name(), null, xr, findings);
    }

    private void loneUnit(Manifest mr) {
        List<Finding> findings = new ArrayList<>();
        String owner = mr.label(ComposedMetadata.COMPOSITE);
        if (!owner.isEmpty()) {
            findings.add(Finding.info("composite-not-found", mr.displayName() + " is labelled as composed by XR " + owner
                    + ", which is not on the cluster; migrated as a lone managed resource", mr.origin(), mr.displayName()));
        }
        placed.add(mr);
        String ns = mr.namespace();
        units.add(new Unit(ids.unique((ns.isEmpty() ? "_cluster" : ns) + "/" + mr.name(), mr.kind()), ns, mr.name(),
                null, null, null, "", List.of(resource(mr)), findings));
    }

    private void add(String id, String ns, String name, Manifest claim, Manifest xr, List<Finding> findings) {
        placed.add(xr);
        List<ComposedResource> resources = new ArrayList<>();
        List<NestedComposite> nested = new ArrayList<>();
        tree(xr, findings, resources, nested, 0);
        findings.addAll(TreeCheck.nonAzure(resources, xr.displayName()));
        ObjectNode composite = (ObjectNode) GoValues.roundTrip(xr.node().deepCopy());
        units.add(new Unit(id, ns, name, claim, composite, xr, compositionOf(xr), resources, nested, findings));
    }

    /** The MRs of an XR and, depth first and parents first, of the XRs it composes. */
    private void tree(Manifest xr, List<Finding> findings, List<ComposedResource> resources, List<NestedComposite> nested,
                      int depth) {
        for (Manifest m : composed(xr, findings)) {
            // The top XR's label also finds its nested XRs' MRs, which the nested XR placed already.
            if (!placed.add(m)) {
                continue;
            }
            if (estate.classify(m) == ObjectKind.COMPOSITE) {
                ObjectNode object = (ObjectNode) GoValues.roundTrip(m.node().deepCopy());
                Manifest whole = observed.find(m.group(), m.kind(), m.namespace(), m.name()).orElse(null);
                nested.add(new NestedComposite(m.annotation(ComposedMetadata.RESOURCE_NAME), object, m.origin(), whole,
                        xr.kind() + "/" + xr.name(), depth + 1, compositionOf(m)));
                tree(m, findings, resources, nested, depth + 1);
            } else {
                resources.add(resource(m));
            }
        }
    }

    /** The MRs of an XR: those its resourceRefs name, then those it controls, then those labelled with it. */
    private List<Manifest> composed(Manifest xr, List<Finding> findings) {
        List<Manifest> found = new ArrayList<>();
        Set<Manifest> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (JsonNode ref : machinery(xr.node(), "resourceRefs")) {
            String av = ref.path("apiVersion").asText("");
            String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
            String ns = ref.path("namespace").asText(xr.namespace());
            Manifest m = byKey.get(key(group, ref.path("kind").asText(""), ns, ref.path("name").asText("")));
            if (m != null) {
                found.add(m);
            } else if (Estate.isAzureGroup(group)) {
                findings.add(Finding.warning("composed-resource-missing", xr.displayName() + " references "
                        + refText(ref) + ", which is not on the cluster: it is not migrated", xr.origin(), xr.displayName()));
            } else {
                // Kinds of other providers are not listed: the object may well exist, and retiring the XR would
                // delete it.
                findings.add(Finding.error("non-azure-composed-resource", xr.displayName() + " composes " + refText(ref)
                        + ", which is not an Azure managed resource: ASO cannot take it over, and retiring the XR would "
                        + "delete it from Kubernetes. Nothing of this unit is handed over. To migrate the rest, move it "
                        + "out of the Composition into an XR of its own (or manage it outside Crossplane) and migrate "
                        + "again; or keep the whole unit on Crossplane", xr.origin(), xr.displayName()));
            }
        }
        String uid = live(xr).path("metadata").path("uid").asText("");
        if (!uid.isEmpty()) {
            found.addAll(byControllerUid.getOrDefault(uid, List.of()));
        }
        found.addAll(byCompositeLabel.getOrDefault(xr.namespace() + "/" + xr.name(), List.of()));
        List<Manifest> mrs = new ArrayList<>();
        for (Manifest m : found) {
            // An object already placed under another XR stays there.
            ObjectKind k = estate.classify(m);
            if (m != xr && seen.add(m) && !placed.contains(m) && (k == ObjectKind.MANAGED || k == ObjectKind.COMPOSITE)) {
                mrs.add(m);
            }
        }
        return mrs;
    }

    private ComposedResource resource(Manifest mr) {
        ObjectNode object = (ObjectNode) GoValues.roundTrip(mr.node().deepCopy());
        Manifest whole = observed.find(mr.group(), mr.kind(), mr.namespace(), mr.name()).orElse(null);
        return new ComposedResource(mr.annotation(ComposedMetadata.RESOURCE_NAME), object, mr.origin(), whole);
    }

    /** The claim's XR: its spec.resourceRef, else the XR whose claimRef names it. */
    private Manifest compositeOfClaim(Manifest claim) {
        JsonNode ref = claim.node().path("spec").path("resourceRef");
        if (!ref.path("name").asText("").isEmpty()) {
            String av = ref.path("apiVersion").asText("");
            String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
            Manifest xr = byKey.get(key(group, ref.path("kind").asText(""), "", ref.path("name").asText("")));
            return xr != null && !placed.contains(xr) ? xr : null;
        }
        for (Manifest xr : estate.all(ObjectKind.COMPOSITE)) {
            JsonNode c = machinery(xr.node(), "claimRef");
            if (!placed.contains(xr) && c.path("kind").asText("").equals(claim.kind())
                    && c.path("name").asText("").equals(claim.name())
                    && c.path("namespace").asText("").equals(ClaimToComposite.namespace(claim))) {
                return xr;
            }
        }
        return null;
    }

    /** The whole live object (uid, owner references) when observed, else the cleaned one. */
    private JsonNode live(Manifest m) {
        return observed.find(m.group(), m.kind(), m.namespace(), m.name()).map(Manifest::node).orElse(m.node());
    }

    private static String controllerUid(JsonNode object) {
        for (JsonNode o : object.path("metadata").path("ownerReferences")) {
            if (o.path("controller").asBoolean(false)) {
                return o.path("uid").asText("");
            }
        }
        return "";
    }

    private static String compositionOf(Manifest xr) {
        return machinery(xr.node(), "compositionRef").path("name").asText("");
    }

    /** An XR machinery field: spec.X (Crossplane v1), else spec.crossplane.X (v2). */
    private static JsonNode machinery(JsonNode xr, String field) {
        JsonNode spec = xr.path("spec");
        return spec.has(field) ? spec.path(field) : spec.path("crossplane").path(field);
    }

    private static String refText(JsonNode ref) {
        if (ref.isMissingNode() || ref.isNull()) {
            return "unset";
        }
        String ns = ref.path("namespace").asText("");
        return ref.path("apiVersion").asText("") + " " + ref.path("kind").asText("") + " "
                + (ns.isEmpty() ? "" : ns + "/") + ref.path("name").asText("");
    }

    private static String key(String group, String kind, String namespace, String name) {
        return group + "/" + kind + "/" + namespace + "/" + name;
    }
}
