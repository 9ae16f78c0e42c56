package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Unit;
import io.xp2aso.model.Xrd;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compose stage's entry point: one unit per claim (with its XR), per XR without a claim, and per managed
 * resource no XR owns. Each XR is rendered through the Composition Crossplane would select; Compositions are
 * compiled once and shared by every XR, and observed objects are indexed once.
 */
public final class Composer {
    private final List<Manifest> extraEnvironmentConfigs;

    public Composer() {
        this(List.of());
    }

    /** extraEnvironmentConfigs: EnvironmentConfigs given outside the sources (they lose to same-named ones inside). */
    public Composer(List<Manifest> extraEnvironmentConfigs) {
        this.extraEnvironmentConfigs = List.copyOf(extraEnvironmentConfigs);
    }

    public ComposeResult compose(Estate estate, ObservedIndex observed) {
        return new Run(estate, observed == null ? ObservedIndex.EMPTY : observed).run();
    }

    private final class Run {
        final Estate estate;
        final ObservedIndex observed;
        final CompositionSelector selector;
        final Renderer renderer;
        final TemplateLines lines = new TemplateLines();
        final Map<Manifest, Object> compiled = new IdentityHashMap<>();
        final List<Finding> global = new ArrayList<>();
        final List<Unit> units = new ArrayList<>();
        final UnitIds ids = new UnitIds();
        /** Composed objects by composite label, then composition-resource-name (observed wins over sources). */
        final Map<String, Map<String, Manifest>> composedByXr = new HashMap<>();
        final Set<String> renderedXrs = new HashSet<>();

        Run(Estate estate, ObservedIndex observed) {
            this.estate = estate;
            this.observed = observed;
            this.selector = new CompositionSelector(estate);
            Map<String, Manifest> envs = new LinkedHashMap<>();
            for (Manifest m : extraEnvironmentConfigs) {
                envs.put(m.name(), m);
            }
            for (Manifest m : observed.all()) {
                if (EnvironmentConfigs.isEnvironmentConfig(m)) {
                    envs.put(m.name(), m);
                }
            }
            for (Manifest m : estate.all(ObjectKind.ENVIRONMENT_CONFIG)) {
                envs.put(m.name(), m);
            }
            this.renderer = new Renderer(new EnvironmentConfigs(new ArrayList<>(envs.values())));
            for (ObjectKind k : ObjectKind.values()) {
                for (Manifest m : estate.all(k)) {
                    indexComposed(m, false);
                }
            }
            for (Manifest m : observed.all()) {
                indexComposed(m, true);
            }
        }

        void indexComposed(Manifest m, boolean wins) {
            String xr = m.label(ComposedMetadata.COMPOSITE);
            String res = m.annotation(ComposedMetadata.RESOURCE_NAME);
            if (xr.isEmpty() || res.isEmpty()) {
                return;
            }
            Map<String, Manifest> byName = composedByXr.computeIfAbsent(xr, k -> new LinkedHashMap<>());
            if (wins || !byName.containsKey(res)) {
                byName.put(res, m);
            }
        }

        ComposeResult run() {
            Set<Manifest> consumedXrs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Map<String, Manifest> xrByClaim = new HashMap<>();
            Map<String, Manifest> xrByName = new HashMap<>();
            for (Manifest xr : estate.all(ObjectKind.COMPOSITE)) {
                JsonNode ref = xr.node().path("spec").path("claimRef");
                if (!ref.path("name").asText("").isEmpty()) {
                    xrByClaim.put(ref.path("kind").asText("") + "/" + ref.path("namespace").asText("") + "/"
                            + ref.path("name").asText(""), xr);
                }
                xrByName.put(xr.kind() + "/" + xr.name(), xr);
            }
            for (Manifest claim : estate.all(ObjectKind.CLAIM)) {
                Manifest sourceXr = xrByClaim.get(claim.kind() + "/" + claim.namespace() + "/" + claim.name());
                if (sourceXr != null) {
                    consumedXrs.add(sourceXr);
                }
                claimUnit(claim, sourceXr, xrByName, consumedXrs);
            }
            for (Manifest xr : estate.all(ObjectKind.COMPOSITE)) {
                if (!consumedXrs.contains(xr)) {
                    compositeUnit(xr);
                }
            }
            for (Manifest mr : estate.all(ObjectKind.MANAGED)) {
                String owner = mr.label(ComposedMetadata.COMPOSITE);
                if (!owner.isEmpty() && renderedXrs.contains(owner)) {
                    continue;
                }
                loneUnit(mr, owner);
            }
            return new ComposeResult(units, global);
        }

        // ---- units -------------------------------------------------------------------------------------------

        void claimUnit(Manifest claim, Manifest sourceXr, Map<String, Manifest> xrByName, Set<Manifest> consumed) {
            List<Finding> findings = new ArrayList<>();
            Xrd xrd = estate.xrdForClaim(claim.apiVersion(), claim.kind());
            String subject = claim.displayName();
            JsonNode live = liveXrOfClaim(claim, sourceXr, xrd);
            String boundName = claim.node().path("spec").path("resourceRef").path("name").asText("");
            String name = !boundName.isEmpty() ? boundName
                    : live != null ? live.path("metadata").path("name").asText("") : "";
            if (sourceXr == null && !name.isEmpty()) {
                Manifest byName = xrByName.get(xrd.xrKind() + "/" + name);
                if (byName != null) {
                    consumed.add(byName);
                    sourceXr = byName;
                    if (live == null) {
                        live = byName.node();
                    }
                }
            }
            if (name.isEmpty()) {
                name = ClaimToComposite.generatedName(claim);
                findings.add(Finding.warning("generated-name", "the XR's real name is only known to the cluster"
                        + " (Crossplane generates " + claim.name() + "-xxxxx); using the deterministic name " + name
                        + " until --observed supplies the bound claim or XR", claim.origin(), subject));
            }
            ObjectNode xr = ClaimToComposite.build(claim, xrd, name, live);
            String ns = ClaimToComposite.namespace(claim);
            if (claim.namespace().isEmpty()) {
                findings.add(Finding.info("default-namespace", "the claim has no metadata.namespace: taken as \"default\","
                        + " where kubectl would create it with the default context", claim.origin(), subject));
            }
            String id = uniqueId(ns + "/" + claim.name(), claim.kind());
            units.add(render(id, ns, claim.name(), claim, xr, sourceXr, xrd, claim.origin(), findings));
        }

        /** The live XR of a claim: from --observed (through the claim's resourceRef), else the XR in the sources. */
        JsonNode liveXrOfClaim(Manifest claim, Manifest sourceXr, Xrd xrd) {
            Optional<Manifest> o = observed.compositeOfClaim(claim);
            if (o.isPresent()) {
                return o.get().node();
            }
            if (sourceXr != null) {
                Optional<Manifest> liveSource = observed.find(sourceXr.group(), sourceXr.kind(), "", sourceXr.name());
                return liveSource.map(Manifest::node).orElse(sourceXr.node());
            }
            return null;
        }

        void compositeUnit(Manifest source) {
            Xrd xrd = estate.xrdForComposite(source.apiVersion(), source.kind());
            ObjectNode xr = (ObjectNode) GoValues.roundTrip(source.node().deepCopy());
            Optional<Manifest> live = observed.find(source.group(), source.kind(), source.namespace(), source.name());
            if (live.isPresent()) {
                JsonNode l = live.get().node();
                mergeLive(xr, l);
            }
            boolean namespaced = isNamespaced(xr, xrd);
            String ns = namespaced ? ClaimToComposite.namespace(source) : "";
            List<Finding> findings = new ArrayList<>();
            if (namespaced && source.namespace().isEmpty()) {
                xr.with("metadata").put("namespace", ns);
                findings.add(Finding.info("default-namespace", "the namespaced XR has no metadata.namespace: taken as"
                        + " \"default\", where kubectl would create it with the default context", source.origin(), source.displayName()));
            }
            String id = uniqueId((namespaced ? ns : "_cluster") + "/" + source.name(), source.kind());
            units.add(render(id, ns, source.name(), null, xr, source, xrd, source.origin(), findings));
        }

        /** Cluster-only facts of a live XR the source copy lacks: UID, status, the persisted composition choice. */
        void mergeLive(ObjectNode xr, JsonNode live) {
            String uid = live.path("metadata").path("uid").asText("");
            if (!uid.isEmpty() && xr.path("metadata").path("uid").asText("").isEmpty()) {
                xr.with("metadata").put("uid", uid);
            }
            String label = live.path("metadata").path("labels").path(ComposedMetadata.COMPOSITE).asText("");
            if (!label.isEmpty()) {
                xr.with("metadata").with("labels").put(ComposedMetadata.COMPOSITE, label);
            }
            if (live.has("status") && !xr.has("status")) {
                xr.set("status", GoValues.roundTrip(live.get("status").deepCopy()));
            }
            ObjectNode spec = xr.with("spec");
            JsonNode liveSpec = live.path("spec");
            JsonNode liveCp = liveSpec.path("crossplane");
            for (String k : new String[]{"compositionRef", "compositionRevisionRef"}) {
                if (CompositionSelector.machinery(xr, k).isMissingNode()) {
                    if (liveSpec.has(k)) {
                        spec.set(k, liveSpec.get(k).deepCopy());
                    } else if (liveCp.has(k)) {
                        spec.with("crossplane").set(k, liveCp.get(k).deepCopy());
                    }
                }
            }
        }

        void loneUnit(Manifest mr, String owner) {
            List<Finding> findings = new ArrayList<>();
            if (!owner.isEmpty()) {
                findings.add(Finding.info("owner-not-in-sources", mr.displayName() + " is composed by XR " + owner
                        + ", which is not in the sources; migrated as a lone managed resource", mr.origin(), mr.displayName()));
            }
            Manifest live = observed.find(mr.group(), mr.kind(), mr.namespace(), mr.name()).orElse(null);
            String ns = mr.namespace();
            String id = uniqueId((ns.isEmpty() ? "_cluster" : ns) + "/" + mr.name(), mr.kind());
            ObjectNode obj = (ObjectNode) GoValues.roundTrip(mr.node().deepCopy());
            units.add(new Unit(id, ns, mr.name(), null, null, null, "",
                    List.of(new ComposedResource("", obj, mr.origin(), live)), findings));
        }

        // ---- rendering ---------------------------------------------------------------------------------------

        Unit render(String id, String namespace, String name, Manifest claim, ObjectNode xr, Manifest compositeSource,
                    Xrd xrd, Origin origin, List<Finding> findings) {
            String xrName = xr.path("metadata").path("name").asText("");
            String subject = xr.path("kind").asText("") + "/" + xrName;
            String composite = ComposedMetadata.compositeLabel(xr);
            renderedXrs.add(composite);
            renderedXrs.add(xrName);
            Map<String, Manifest> observedComposed = composedByXr.getOrDefault(composite, Map.of());
            CompositionSelector.Selection sel = selector.select(xr, xrd, origin, subject);
            List<ComposedResource> resources = new ArrayList<>();
            ObjectNode outXr = xr;
            String compositionName = "";
            boolean useObserved;
            if (!sel.found()) {
                findings.add(sel.problem());
                useObserved = true;
            } else {
                compositionName = sel.composition().name();
                CompiledComposition cc = compiled(sel.composition());
                if (cc == null) {
                    findings.add(Finding.error("invalid-composition", "Composition " + compositionName
                            + " cannot be rendered (see the Composition's error)", sel.composition().manifest().origin(), subject));
                    useObserved = true;
                } else {
                    Map<String, ObjectNode> obs = new HashMap<>();
                    for (Map.Entry<String, Manifest> e : observedComposed.entrySet()) {
                        obs.put(e.getKey(), (ObjectNode) GoValues.roundTrip(e.getValue().node().deepCopy()));
                    }
                    RenderResult r = renderer.render(cc, xr, isNamespaced(xr, xrd), obs);
                    findings.addAll(r.findings());
                    outXr = r.xr();
                    for (RenderedResource rr : r.resources()) {
                        name(rr, xr, composite, findings, subject);
                        resources.add(new ComposedResource(rr.name(), rr.object(), rr.origin(), observedComposed.get(rr.name())));
                    }
                    useObserved = r.failed() || r.incomplete();
                }
            }
            if (useObserved) {
                Set<String> have = new HashSet<>();
                resources.forEach(r -> have.add(r.resourceName()));
                int added = 0;
                for (Map.Entry<String, Manifest> e : observedComposed.entrySet()) {
                    if (have.add(e.getKey())) {
                        Manifest m = e.getValue();
                        resources.add(new ComposedResource(e.getKey(), (ObjectNode) GoValues.roundTrip(m.node().deepCopy()),
                                m.origin(), m));
                        added++;
                    }
                }
                if (added > 0) {
                    findings.add(Finding.info("resources-from-observed", added + " composed resource(s) of " + subject
                            + " taken from observed objects because the Composition could not render them", origin, subject));
                } else {
                    findings.add(Finding.error("resources-unknown", "the composed resources of " + subject
                            + " could not be rendered and none were observed: pass --observed (kubectl get managed -o yaml)"
                            + " or --from-cluster to migrate them", origin, subject));
                }
            }
            return new Unit(id, namespace, name, claim, outXr, compositeSource, compositionName, resources, findings);
        }

        /** A composed resource without a name gets the live one (renderer) or a deterministic one with a finding. */
        void name(RenderedResource rr, ObjectNode xr, String composite, List<Finding> findings, String subject) {
            ObjectNode md = rr.object().with("metadata");
            if (!md.path("name").asText("").isEmpty()) {
                return;
            }
            String uid = xr.path("metadata").path("uid").asText("");
            String generated = Names.child(composite, uid.isEmpty() ? xr.path("metadata").path("name").asText("") : uid, rr.name());
            md.put("name", generated);
            findings.add(Finding.warning("generated-name", "the real name of composed resource " + rr.name()
                    + " is only known to the cluster (Crossplane generates it from generateName " + composite
                    + "-); using the deterministic name " + generated + " until --observed supplies the live object",
                    rr.origin(), subject));
        }

        CompiledComposition compiled(CompositionDef def) {
            Object c = compiled.get(def.manifest());
            if (c == null) {
                try {
                    c = CompiledComposition.compile(def, lines);
                } catch (InputException e) {
                    c = e;
                    global.add(Finding.error("invalid-composition", e.getMessage(), e.origin(),
                            def.manifest().kind() + "/" + def.manifest().name()));
                }
                compiled.put(def.manifest(), c);
            }
            return c instanceof CompiledComposition cc ? cc : null;
        }

        boolean isNamespaced(JsonNode xr, Xrd xrd) {
            if (xrd != null && !xrd.scope().equals("LegacyCluster") && !xrd.scope().equals("Cluster")) {
                return true;
            }
            return xrd == null && !xr.path("metadata").path("namespace").asText("").isEmpty();
        }

        String uniqueId(String base, String kind) {
            return ids.unique(base, kind);
        }
    }
}
