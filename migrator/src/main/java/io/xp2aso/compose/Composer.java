package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.model.Counts;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.NestedComposite;
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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The compose stage's entry point: one unit per claim (with its XR), per XR without a claim, and per managed
 * resource no XR owns. Each XR is rendered through the Composition Crossplane would select; Compositions are
 * compiled once and shared by every XR, and observed objects are indexed once.
 *
 * <p>Sequential decisions, parallel work: in source order a cheap pass pairs claims with XRs, names them and
 * numbers the units; the XR copies are then built on all cores; in source order again each XR's Composition is
 * selected and compiled on first use (so global findings keep their order) and the lone MRs are found; then the
 * units render on all cores. Parallel work touches only its own unit's XR copy and findings and reads shared trees
 * (sources, observed objects, compiled Compositions) without writing them, and results are kept in source order,
 * so the result is the same as a sequential run's.
 */
public final class Composer {
    /** Below this many units the thread hand-off costs more than it saves. */
    private static final int PARALLEL_MIN = 32;
    /** XRs composing XRs deeper than this are a cycle in all likelihood. */
    private static final int MAX_DEPTH = 8;

    private final List<Manifest> extraEnvironmentConfigs;
    private final boolean parallel;

    public Composer() {
        this(List.of());
    }

    /** extraEnvironmentConfigs: EnvironmentConfigs given outside the sources (they lose to same-named ones inside). */
    public Composer(List<Manifest> extraEnvironmentConfigs) {
        this(extraEnvironmentConfigs, true);
    }

    /** parallel=false does all the work on the calling thread (the reference the parallel result is tested against). */
    Composer(List<Manifest> extraEnvironmentConfigs, boolean parallel) {
        this.extraEnvironmentConfigs = List.copyOf(extraEnvironmentConfigs);
        this.parallel = parallel;
    }

    public ComposeResult compose(Estate estate, ObservedIndex observed) {
        return new Run(estate, observed == null ? ObservedIndex.EMPTY : observed).run();
    }

    /** A unit whose inputs are decided; build() may run on any thread. */
    private interface Pending {
        Unit build();
    }

    /** An XR unit as paired and named by the sequential pass; xr builds its own copy of the XR on any thread. */
    private record Draft(String id, String namespace, String name, Manifest claim, Manifest compositeSource, Xrd xrd,
                         Origin origin, List<Finding> findings, Supplier<ObjectNode> xr) {
    }

    /** What a parallel step threw, kept until its turn in source order comes. */
    private record Failed(Throwable error) {
    }

    /** An XR unit's decided inputs: its own XR copy and findings list, and the compiled Composition (null: none). */
    private record Rendering(String id, String namespace, String name, Manifest claim, ObjectNode xr,
                             Manifest compositeSource, boolean namespaced, Origin origin, List<Finding> findings,
                             String subject, String composite, String composition, CompiledComposition compiled) {
    }

    private final class Run {
        final Estate estate;
        final ObservedIndex observed;
        final CompositionSelector selector;
        final Renderer renderer;
        final Map<Manifest, Object> compiled = new IdentityHashMap<>();
        final List<Finding> global = new ArrayList<>();
        final UnitIds ids = new UnitIds();
        final ComposedIndex composed;
        final Set<String> renderedXrs = new HashSet<>();
        final TemplateFiles templateFiles;

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
            List<Manifest> sources = new ArrayList<>();
            for (ObjectKind k : ObjectKind.values()) {
                sources.addAll(estate.all(k));
            }
            this.renderer = new Renderer(new EnvironmentConfigs(new ArrayList<>(envs.values())),
                    new ExtraResourceIndex(sources, observed.all()));
            this.templateFiles = new TemplateFiles(sources);
            this.composed = new ComposedIndex(estate, observed);
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
            for (Manifest m : estate.unknownClaims()) {
                global.add(Finding.warning("claim-without-xrd", m.displayName() + " looks like a claim (it has "
                        + claimField(m) + ") but no XRD in the sources defines " + m.kind() + " in group " + m.group()
                        + ", so it was not migrated: add the CompositeResourceDefinition whose spec.claimNames.kind is "
                        + m.kind() + " (spec.group " + m.group() + ") as another SOURCE, e.g. xp2aso migrate CLAIMS/ PLATFORM/",
                        m.origin(), m.displayName()));
            }
            List<Draft> drafts = new ArrayList<>();
            for (Manifest claim : estate.all(ObjectKind.CLAIM)) {
                Manifest sourceXr = xrByClaim.get(claim.kind() + "/" + claim.namespace() + "/" + claim.name());
                if (sourceXr != null) {
                    consumedXrs.add(sourceXr);
                }
                drafts.add(claimUnit(claim, sourceXr, xrByName, consumedXrs));
            }
            for (Manifest xr : estate.all(ObjectKind.COMPOSITE)) {
                if (!consumedXrs.contains(xr)) {
                    drafts.add(compositeUnit(xr));
                }
            }
            List<ObjectNode> xrs = inOrder(drafts, d -> d.xr().get());
            List<Pending> pending = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                pending.add(prepare(drafts.get(i), xrs.get(i)));
            }
            for (Manifest mr : estate.all(ObjectKind.MANAGED)) {
                String owner = mr.label(ComposedMetadata.COMPOSITE);
                if (!owner.isEmpty() && renderedXrs.contains(owner)) {
                    continue;
                }
                pending.add(loneUnit(mr, owner));
            }
            return new ComposeResult(inOrder(pending, Pending::build), global);
        }

        /**
         * f of every item, in the items' order, on all cores when there are enough of them. f must only read shared
         * state. The first failure by item order is thrown, the one a sequential loop would have met first.
         */
        <T, R> List<R> inOrder(List<T> items, Function<T, R> f) {
            IntStream indexes = IntStream.range(0, items.size());
            if (parallel && items.size() >= PARALLEL_MIN) {
                indexes = indexes.parallel();
            }
            List<Object> done = indexes.mapToObj(i -> {
                try {
                    return (Object) f.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    return new Failed(e);
                }
            }).toList();
            List<R> out = new ArrayList<>(done.size());
            for (Object o : done) {
                if (o instanceof Failed failed) {
                    if (failed.error() instanceof RuntimeException e) {
                        throw e;
                    }
                    throw (Error) failed.error();
                }
                @SuppressWarnings("unchecked") R r = (R) o;
                out.add(r);
            }
            return out;
        }

        String claimField(Manifest m) {
            JsonNode spec = m.node().path("spec");
            return spec.has("compositionRef") ? "spec.compositionRef"
                    : spec.has("compositionSelector") ? "spec.compositionSelector" : "spec.resourceRef";
        }

        // ---- units -------------------------------------------------------------------------------------------

        Draft claimUnit(Manifest claim, Manifest sourceXr, Map<String, Manifest> xrByName, Set<Manifest> consumed) {
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
            String xrName = name;
            JsonNode liveXr = live;
            String ns = ClaimToComposite.namespace(claim);
            if (claim.namespace().isEmpty()) {
                findings.add(Finding.info("default-namespace", "the claim has no metadata.namespace: taken as \"default\","
                        + " where kubectl would create it with the default context", claim.origin(), subject));
            }
            String id = uniqueId(ns + "/" + claim.name(), claim.kind());
            return new Draft(id, ns, claim.name(), claim, sourceXr, xrd, claim.origin(), findings, () -> {
                // The claim as the API server stores it (defaulted, validated), then the XR Crossplane makes of it,
                // defaulted again at the XR's version.
                ObjectNode admitted = claim.node().deepCopy();
                XrdAdmission.admit(admitted, xrd, claim.version(), claim.origin(), subject, "claim", findings);
                ObjectNode xr = ClaimToComposite.build(new Manifest(admitted, claim.origin()), xrd, xrName, liveXr);
                XrdAdmission.defaults(xr, xrd, xrd.referenceableVersion());
                return xr;
            });
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

        Draft compositeUnit(Manifest source) {
            Xrd xrd = estate.xrdForComposite(source.apiVersion(), source.kind());
            Manifest live = observed.find(source.group(), source.kind(), source.namespace(), source.name()).orElse(null);
            // The copy below keeps metadata.namespace and mergeLive does not set it: the source answers the same.
            boolean namespaced = isNamespaced(source.node(), xrd);
            String ns = namespaced ? ClaimToComposite.namespace(source) : "";
            List<Finding> findings = new ArrayList<>();
            boolean defaultNamespace = namespaced && source.namespace().isEmpty();
            if (defaultNamespace) {
                findings.add(Finding.info("default-namespace", "the namespaced XR has no metadata.namespace: taken as"
                        + " \"default\", where kubectl would create it with the default context", source.origin(), source.displayName()));
            }
            String id = uniqueId((namespaced ? ns : "_cluster") + "/" + source.name(), source.kind());
            return new Draft(id, ns, source.name(), null, source, xrd, source.origin(), findings, () -> {
                ObjectNode admitted = source.node().deepCopy();
                XrdAdmission.admit(admitted, xrd, source.version(), source.origin(), source.displayName(), "XR", findings);
                ObjectNode xr = (ObjectNode) GoValues.roundTrip(admitted);
                if (live != null) {
                    mergeLive(xr, live.node());
                }
                if (defaultNamespace) {
                    xr.with("metadata").put("namespace", ns);
                }
                return xr;
            });
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

        Pending loneUnit(Manifest mr, String owner) {
            List<Finding> findings = new ArrayList<>();
            if (!owner.isEmpty()) {
                findings.add(Finding.info("owner-not-in-sources", mr.displayName() + " is composed by XR " + owner
                        + ", which is not in the sources; migrated as a lone managed resource", mr.origin(), mr.displayName()));
            }
            Manifest live = observed.find(mr.group(), mr.kind(), mr.namespace(), mr.name()).orElse(null);
            String ns = mr.namespace();
            String id = uniqueId((ns.isEmpty() ? "_cluster" : ns) + "/" + mr.name(), mr.kind());
            return () -> {
                ObjectNode obj = (ObjectNode) GoValues.roundTrip(mr.node().deepCopy());
                return new Unit(id, ns, mr.name(), null, null, null, "",
                        List.of(new ComposedResource("", obj, mr.origin(), live)), findings);
            };
        }

        // ---- rendering ---------------------------------------------------------------------------------------

        /**
         * Sequential part of an XR unit: records the XR as rendered (its MRs are not lone), selects the Composition
         * and compiles it on first use. The selection's problem comes first among the render's findings.
         */
        Pending prepare(Draft d, ObjectNode xr) {
            Xrd xrd = d.xrd();
            Origin origin = d.origin();
            List<Finding> findings = d.findings();
            String xrName = xr.path("metadata").path("name").asText("");
            String subject = xr.path("kind").asText("") + "/" + xrName;
            String composite = ComposedMetadata.compositeLabel(xr);
            renderedXrs.add(composite);
            renderedXrs.add(xrName);
            CompositionSelector.Selection sel = selector.select(xr, xrd, origin, subject);
            String compositionName = "";
            CompiledComposition cc = null;
            if (!sel.found()) {
                findings.add(sel.problem());
            } else {
                compositionName = sel.composition().name();
                cc = compiled(sel.composition());
                if (cc == null) {
                    findings.add(Finding.error("invalid-composition", "Composition " + compositionName
                            + " cannot be rendered (see the Composition's error)", sel.composition().manifest().origin(), subject));
                }
            }
            Rendering r = new Rendering(d.id(), d.namespace(), d.name(), d.claim(), xr, d.compositeSource(),
                    isNamespaced(xr, xrd), origin, findings, subject, composite, compositionName, cc);
            return () -> render(r);
        }

        /** Renders one unit; touches only its own XR and findings, so units render on any thread. */
        Unit render(Rendering u) {
            List<Finding> findings = u.findings();
            Tree tree = new Tree();
            ObjectNode outXr = renderXr(u.xr(), u.namespaced(), u.compiled(), u.composite(), u.subject(), u.origin(),
                    findings, tree, 0);
            String av = outXr.path("apiVersion").asText("");
            Manifest live = observed.find(av.contains("/") ? av.substring(0, av.indexOf('/')) : "", outXr.path("kind").asText(""),
                    outXr.path("metadata").path("namespace").asText(""), outXr.path("metadata").path("name").asText(""))
                    .orElse(null);
            findings.addAll(TreeCheck.check(new TreeCheck.Node(outXr, live), tree.nested, tree.resources, composed,
                    u.composite(), u.composition(), u.origin(), u.subject()));
            return new Unit(u.id(), u.namespace(), u.name(), u.claim(), outXr, u.compositeSource(), u.composition(),
                    tree.resources, tree.nested, findings);
        }

        /** What a unit's XR composes, at every depth: MRs, and nested XRs parents first. */
        static final class Tree {
            final List<ComposedResource> resources = new ArrayList<>();
            final List<NestedComposite> nested = new ArrayList<>();
        }

        /**
         * Renders one XR of the tree (the unit's or a nested one) and what it composes into {@code tree}; returns the
         * XR as rendering leaves it. {@code compiled} null: the Composition is unknown or broken, its resources come
         * from the observed state.
         */
        ObjectNode renderXr(ObjectNode xr, boolean namespaced, CompiledComposition compiled, String composite,
                            String subject, Origin origin, List<Finding> findings, Tree tree, int depth) {
            Map<String, Manifest> observedComposed = composed.composedOf(xr.path("kind").asText(""),
                    xr.path("metadata").path("name").asText(""), composite);
            List<ComposedResource> resources = new ArrayList<>();
            ObjectNode outXr = xr;
            boolean useObserved = true;
            if (compiled != null) {
                Map<String, ObjectNode> obs = new HashMap<>();
                for (Map.Entry<String, Manifest> e : observedComposed.entrySet()) {
                    obs.put(e.getKey(), (ObjectNode) GoValues.roundTrip(e.getValue().node().deepCopy()));
                }
                RenderResult r = renderer.render(compiled, xr, namespaced, obs);
                findings.addAll(r.findings());
                outXr = r.xr();
                List<String> generatedNames = new ArrayList<>();
                for (RenderedResource rr : r.resources()) {
                    String generated = name(rr, xr, composite);
                    if (generated != null) {
                        generatedNames.add(rr.name() + " -> " + generated);
                    }
                    resources.add(new ComposedResource(rr.name(), rr.object(), rr.origin(), observedComposed.get(rr.name())));
                }
                if (!generatedNames.isEmpty()) {
                    // One warning per XR, not one per resource: without --observed every composed resource has one,
                    // and a warning per resource would bury the others.
                    findings.add(Finding.warning("generated-name", "the real names of " + Counts.of(generatedNames.size(),
                            "composed resource") + " are only known to the cluster (Crossplane generates them from"
                            + " generateName " + composite + "-); using deterministic names until --observed supplies"
                            + " the live objects: " + String.join(", ", generatedNames), r.resources().get(0).origin(),
                            subject));
                }
                useObserved = r.failed() || r.incomplete();
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
            for (ComposedResource cr : resources) {
                if (isComposite(cr)) {
                    if (depth + 1 > MAX_DEPTH) {
                        findings.add(Finding.error("nesting-too-deep", subject + " composes XRs more than " + MAX_DEPTH
                                + " levels deep (a cycle?)", cr.origin(), subject));
                    } else {
                        nested(cr, xr, composite, findings, tree, depth + 1);
                    }
                } else {
                    tree.resources.add(cr);
                }
            }
            return outXr;
        }

        /** A nested XR: selected and rendered through its own Composition; its resources join the unit's tree. */
        void nested(ComposedResource cr, ObjectNode parent, String composite, List<Finding> findings, Tree tree, int depth) {
            ObjectNode xr = cr.object();
            if (cr.observed() != null) {
                mergeLive(xr, cr.observed().node());
            }
            String apiVersion = xr.path("apiVersion").asText("");
            String kind = xr.path("kind").asText("");
            String subject = kind + "/" + xr.path("metadata").path("name").asText("");
            Xrd xrd = estate.xrdForComposite(apiVersion, kind);
            CompositionSelector.Selection sel = selector.select(xr, xrd, cr.origin(), subject);
            CompiledComposition cc = null;
            String compositionName = "";
            if (!sel.found()) {
                findings.add(sel.problem());
            } else {
                compositionName = sel.composition().name();
                cc = compiledNested(sel.composition(), findings, subject);
            }
            int at = tree.nested.size();
            tree.nested.add(null);
            ObjectNode out = renderXr(xr, isNamespaced(xr, xrd), cc, composite, subject, cr.origin(), findings, tree, depth);
            tree.nested.set(at, new NestedComposite(cr.resourceName(), out, cr.origin(), cr.observed(),
                    parent.path("kind").asText("") + "/" + parent.path("metadata").path("name").asText(""), depth,
                    compositionName));
        }

        /** An XR, not an MR: its kind has an XRD or a Composition in the sources, or its live object is composed. */
        boolean isComposite(ComposedResource cr) {
            String apiVersion = cr.object().path("apiVersion").asText("");
            String kind = cr.object().path("kind").asText("");
            if (estate.xrdForComposite(apiVersion, kind) != null || selector.composes(apiVersion, kind)) {
                return true;
            }
            JsonNode live = cr.observed() != null ? cr.observed().node() : cr.object();
            return !live.path("spec").has("forProvider") && (!CompositionSelector.machinery(live, "resourceRefs").isMissingNode()
                    || !CompositionSelector.machinery(live, "compositionRef").isMissingNode());
        }

        /**
         * The compiled Composition of a nested XR, compiled on first use while units render on several threads (so
         * under a lock). A Composition that does not compile is an error on the unit, not a global finding: which
         * thread met it first would decide the global order.
         */
        CompiledComposition compiledNested(CompositionDef def, List<Finding> findings, String subject) {
            Object c;
            synchronized (compiled) {
                c = compiled.get(def.manifest());
                if (c == null) {
                    try {
                        c = CompiledComposition.compile(def, templateFiles);
                    } catch (InputException e) {
                        c = e;
                    }
                    compiled.put(def.manifest(), c);
                }
            }
            if (c instanceof InputException e) {
                findings.add(Finding.error("invalid-composition", e.getMessage(), e.origin(), subject));
                return null;
            }
            return (CompiledComposition) c;
        }

        /**
         * A composed resource without a name gets the live one (renderer) or a deterministic one, returned (null
         * when the resource had its name).
         */
        String name(RenderedResource rr, ObjectNode xr, String composite) {
            ObjectNode md = rr.object().with("metadata");
            if (!md.path("name").asText("").isEmpty()) {
                return null;
            }
            String uid = xr.path("metadata").path("uid").asText("");
            String generated = Names.child(composite, uid.isEmpty() ? xr.path("metadata").path("name").asText("") : uid, rr.name());
            md.put("name", generated);
            return generated;
        }

        CompiledComposition compiled(CompositionDef def) {
            Object c = compiled.get(def.manifest());
            if (c == null) {
                try {
                    c = CompiledComposition.compile(def, templateFiles);
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
