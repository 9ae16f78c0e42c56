package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.capz.CapzObjects;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.Finding;
import io.xp2aso.model.NestedComposite;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the ownership-handoff plan from the map stage's result: one {@link UnitPlan} per unit, in unit order. */
public final class PlanBuilder {
    private PlanBuilder() {
    }

    public static Plan build(MappingResult mapping, PlanOptions options) {
        List<UnitPlan> units = new ArrayList<>();
        for (MappedUnit mu : mapping.units()) {
            units.add(unit(mu, options));
        }
        return new Plan(Plan.SCHEMA_VERSION, options.asoNamespace(), options.timeoutSeconds(), options.pollSeconds(),
                units);
    }

    /** The plan's settings without units: the head of a plan written unit by unit ({@link PlanFiles}). */
    public static Plan header(PlanOptions options) {
        return new Plan(Plan.SCHEMA_VERSION, options.asoNamespace(), options.timeoutSeconds(), options.pollSeconds(),
                List.of());
    }

    /** The full plan of one unit, steps included. */
    public static UnitPlan unit(MappedUnit mu, PlanOptions options) {
        UnitPlan o = outline(mu, options, true);
        return o.withSteps(CapzPlan.steps(o, StepTexts.forUnit(o.id(), o.claim(), o.composite(), o.nested(), o.gitops(),
                o.resources(), o.aso(), options, o.connectionSecrets())));
    }

    /** What plan.md's index and the blocker findings need of a unit, without copying its manifests. */
    public static UnitSummary summary(MappedUnit mu, PlanOptions options) {
        return UnitSummary.of(outline(mu, options, false));
    }

    /**
     * A unit's plan without its steps (the costly part). {@code withManifests} false: the ASO targets keep the mapped
     * objects themselves (not copied, not marked reconcile-policy skip), which is enough to name and count them.
     */
    private static UnitPlan outline(MappedUnit mu, PlanOptions options, boolean withManifests) {
        Unit u = mu.unit();
        List<String> blockers = new ArrayList<>();
        ObjectRef claim = u.claim() == null ? null : ObjectRef.of(u.claim().node());
        ObjectRef composite = compositeRef(u);
        GitOps gitops = gitops(u, options);
        for (Finding f : u.findings()) {
            if (f.severity() == Severity.ERROR) {
                blockers.add("unit: " + f.message());
            }
        }
        List<ManagedHandoff> resources = new ArrayList<>();
        Map<ObjectRef, AsoTarget> aso = new LinkedHashMap<>();
        List<ObjectNode> capi = new ArrayList<>();
        // The MRs with CAPZ objects replaced by the ASO objects they embed (whose connection Secrets replace Crossplane's).
        List<MappedResource> expanded = new ArrayList<>();
        for (MappedResource mr : mu.resources()) {
            ManagedHandoff h = ManagedResourceReader.read(mr, blockers);
            resources.add(h);
            // A CAPZ object is applied by the capz-adopt step; the ASO objects it embeds are handed over as any other.
            List<ObjectNode> targets = new ArrayList<>();
            for (ObjectNode target : mr.targets()) {
                if (CapzObjects.isCapi(target)) {
                    capi.add(target);
                    targets.addAll(CapzPlan.asoObjects(target));
                } else {
                    targets.add(target);
                }
            }
            expanded.add(new MappedResource(mr.source(), targets, mr.unmapped(), mr.findings()));
            String primary = primaryTarget(targets, h.azureId());
            for (ObjectNode target : targets) {
                ObjectNode m = target;
                if (withManifests && !appliesAsIs(target)) {
                    m = target.deepCopy();
                    m.remove("status");
                    m.with("metadata").with("annotations").put(Keys.RECONCILE_POLICY, Keys.POLICY_SKIP);
                }
                ObjectRef ref = ObjectRef.of(m);
                boolean isPrimary = ref.name().equals(primary);
                String policy = HandoverPolicy.of(h);
                AsoTarget before = aso.get(ref);
                if (before == null) {
                    aso.put(ref, new AsoTarget(ref, h.ref(), isPrimary, isPrimary ? h.azureId() : "", m, policy));
                } else {
                    // An object several MRs fold into keeps the strictest of their policies.
                    aso.put(ref, before.withPolicy(HandoverPolicy.stricter(before.policyAfterHandover(), policy)));
                }
            }
        }
        if (aso.isEmpty()) {
            blockers.add("unit: no ASO resources were generated, so there is nothing to hand over");
        }
        List<ConnectionSecret> secrets = ConnectionSecrets.of(u, expanded, blockers);
        if (claim != null && composite != null && composite.name().isEmpty() && claim.name().isEmpty()) {
            blockers.add("unit: neither the claim nor its XR has a name");
        }
        List<ObjectRef> nested = new ArrayList<>();
        for (NestedComposite n : u.nested()) {
            ObjectRef ref = ObjectRef.of(n.observed() != null ? n.observed().node() : n.object());
            nested.add(ref);
            if (ref.name().isEmpty()) {
                blockers.add("unit: the name of nested XR " + ref.kind() + " " + n.resourceName() + " is only known to the "
                        + "cluster; build the plan with --observed or --from-cluster");
            }
        }
        List<UnknownManager> unknown = writers(mu, options, gitops, blockers);
        return new UnitPlan(u.id(), claim, composite, nested, gitops, options.acceptDrift().contains(u.id()), resources,
                new ArrayList<>(aso.values()), blockers, List.of(), secrets, unknown, capi);
    }

    /**
     * Writers of the unit's objects seen when the plan was made (the observed objects, else the sources when they
     * came from a cluster), checked as preflight checks them live: a GitOps tool tracking an XR or MR the plan has no
     * GitOps steps for (or another tool than planned) is a blocker; a field manager xp2aso does not know, or a GitOps
     * controller seen only as a field manager, is an {@link UnknownManager} the operator must acknowledge.
     */
    private static List<UnknownManager> writers(MappedUnit mu, PlanOptions options, GitOps planned, List<String> blockers) {
        Unit u = mu.unit();
        List<Manifest> objects = new ArrayList<>();
        if (u.claim() != null) {
            objects.add(observed(u.claim(), options));
        }
        if (u.compositeSource() != null) {
            objects.add(observed(u.compositeSource(), options));
        }
        for (NestedComposite n : u.nested()) {
            if (n.observed() != null) {
                objects.add(n.observed());
            }
        }
        for (MappedResource mr : mu.resources()) {
            if (mr.source().observed() != null) {
                objects.add(mr.source().observed());
            }
        }
        Map<String, UnknownManager> out = new LinkedHashMap<>();
        String argoLabel = argoInstanceLabel(options);
        for (Manifest m : objects) {
            String display = ObjectRef.of(m.node()).display();
            GitOps g = GitOpsDetector.detect(m.node(), argoLabel);
            if (g != null) {
                boolean byManager = g.evidence().startsWith("field manager ");
                if (planned == null && byManager) {
                    String manager = g.evidence().substring("field manager ".length());
                    out.putIfAbsent(display + "\n" + manager, new UnknownManager(display, manager));
                } else if (planned == null) {
                    blockers.add("unit: " + display + " is tracked by " + g.describe() + " (" + g.evidence() + ") but "
                            + "the claim is not: the tool would re-create what retire deletes. Take it out of the tool's "
                            + "sources first, or track the claim with it");
                } else if (!planned.tool().equals(g.tool())) {
                    blockers.add("unit: " + display + " is tracked by " + g.describe() + " (" + g.evidence() + "), the "
                            + "claim by " + planned.describe() + ": the plan has GitOps steps for one tool only");
                }
            }
            for (String manager : FieldManagers.unknown(m.node())) {
                out.putIfAbsent(display + "\n" + manager, new UnknownManager(display, manager));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The live object of a source manifest when the observed state has it, else the manifest itself. */
    private static Manifest observed(Manifest m, PlanOptions options) {
        return options.observed().find(m.group(), m.kind(), m.namespace(), m.name()).orElse(m);
    }

    /**
     * The mapped object is already what the plan applies (no status, reconcile-policy skip, as the map stage makes
     * them): the plan shares it instead of copying it. Nothing in the plan changes its manifests.
     */
    private static boolean appliesAsIs(ObjectNode target) {
        return !target.has("status")
                && Keys.POLICY_SKIP.equals(target.path("metadata").path("annotations").path(Keys.RECONCILE_POLICY).textValue());
    }

    /** Argo CD tracking shows on the live claim (or XR); the source manifest may carry it when read from a cluster. */
    private static GitOps gitops(Unit u, PlanOptions options) {
        Manifest top = u.claim() != null ? u.claim() : u.compositeSource();
        if (top == null) {
            return null;
        }
        String argoLabel = argoInstanceLabel(options);
        GitOps live = options.observed().find(top.group(), top.kind(), top.namespace(), top.name())
                .map(m -> GitOpsDetector.detect(m.node(), argoLabel)).orElse(null);
        return live != null ? live : GitOpsDetector.detect(top.node(), argoLabel);
    }

    /**
     * Argo CD's custom instance label key (application.instanceLabelKey of ConfigMap argocd/argocd-cm) when the
     * observed objects hold that ConfigMap, as preflight reads it live; "" otherwise.
     */
    public static String argoInstanceLabel(PlanOptions options) {
        return options.observed().find("", "ConfigMap", Keys.ARGO_CM_NAMESPACE, Keys.ARGO_CM)
                .map(cm -> cm.node().path("data").path(Keys.ARGO_CM_LABEL_KEY).asText("")).orElse("");
    }

    private static ObjectRef compositeRef(Unit u) {
        if (u.compositeSource() != null) {
            return ObjectRef.of(u.compositeSource().node());
        }
        if (u.composite() == null) {
            return null;
        }
        ObjectRef rendered = ObjectRef.of(u.composite());
        // A claim's XR gets a generated name only the cluster knows; the executor reads it from spec.resourceRef.
        return u.claim() != null ? rendered.withName(liveXrName(u.claim())) : rendered;
    }

    private static String liveXrName(Manifest claim) {
        return claim.node().path("spec").path("resourceRef").path("name").asText("");
    }

    /** The target that is the MR's own Azure resource: its azureName (or name) is the last segment of the ARM ID. */
    private static String primaryTarget(List<ObjectNode> targets, String azureId) {
        if (targets.isEmpty()) {
            return "";
        }
        String last = azureId.isEmpty() ? "" : azureId.substring(azureId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (ObjectNode t : targets) {
            JsonNode azureName = t.path("spec").path("azureName");
            String n = azureName.isTextual() ? azureName.asText() : t.path("metadata").path("name").asText("");
            if (!last.isEmpty() && n.toLowerCase(Locale.ROOT).equals(last)) {
                return t.path("metadata").path("name").asText("");
            }
        }
        return targets.get(0).path("metadata").path("name").asText("");
    }
}
