package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Nodes;

import java.util.List;

/**
 * The kinds of unit: every unit of a kind goes through the same steps, so the plan writes the step sequence once per
 * kind (plan.json's {@code sequences}, steps.md) and each unit only its parameters. The kind follows from the unit's
 * shape: what it retires (a claim with its XR, an XR, a lone MR) and the GitOps tool that tracks it.
 */
public final class Sequences {
    private Sequences() {
    }

    /** CAPZ adoption (--aks-target capz) adds a step: its units are a kind of their own. */
    static final String CAPZ = "-capz";

    /**
     * The kind of a unit: {@code claim}, {@code xr} or {@code mr}, then {@code -argocd}, {@code -flux-kustomize}...,
     * then {@code -capz}.
     */
    public static String of(ObjectRef claim, ObjectRef composite, GitOps gitops, boolean capz) {
        String base = claim != null ? "claim" : composite != null ? "xr" : "mr";
        return (gitops == null ? base : base + "-" + gitops.tool()) + (capz ? CAPZ : "");
    }

    public static String of(UnitPlan u) {
        return of(u.claim(), u.composite(), u.gitops(), !u.capi().isEmpty());
    }

    public static String of(UnitSummary u) {
        return of(u.claim(), u.composite(), u.gitops(), u.capz());
    }

    /** The step ids of a kind of unit, in order. */
    public static List<String> stepIds(String sequence, PlanOptions options) {
        return template(sequence, options).stream().map(Step::id).toList();
    }

    /**
     * The steps of a kind of unit written for a placeholder unit (one MR, one ASO resource, one Secret copy): what
     * steps.md shows once. Names in angle brackets stand for each unit's own, listed on its page.
     */
    public static List<Step> template(String kind, PlanOptions options) {
        boolean capz = kind.endsWith(CAPZ);
        String sequence = capz ? kind.substring(0, kind.length() - CAPZ.length()) : kind;
        String base = sequence.contains("-") ? sequence.substring(0, sequence.indexOf('-')) : sequence;
        String tool = sequence.contains("-") ? sequence.substring(sequence.indexOf('-') + 1) : "";
        ObjectRef claim = base.equals("claim") ? new ObjectRef("<claim-group>/v", "<Claim-Kind>", "<namespace>", "<claim>") : null;
        ObjectRef xr = base.equals("mr") ? null : new ObjectRef("<xr-group>/v", "<XR-Kind>", "", "<xr>");
        GitOps gitops = tool.isEmpty() ? null : new GitOps(tool, "<application>", "its tracking label or annotation");
        ObjectRef mrRef = new ObjectRef("<mr-group>/v", "<MR-Kind>", "", "<mr>");
        ObjectRef asoRef = new ObjectRef("<aso-group>/v", "<ASO-Kind>", "<namespace>", "<aso>");
        ManagedHandoff mr = new ManagedHandoff(mrRef, "", false, "<external-name>", "<azure-id>", "<deletion-policy>",
                List.of("<management-policies>"), List.of(asoRef), List.of(), List.of(new SecretCopy("<from-namespace>",
                "<from-secret>", "<from-key>", "<namespace>", "<secret>", "<key>")), List.of());
        ObjectNode manifest = Nodes.FACTORY.objectNode();
        manifest.put("apiVersion", asoRef.apiVersion()).put("kind", asoRef.kind());
        manifest.putObject("metadata").put("name", asoRef.name()).put("namespace", asoRef.namespace());
        AsoTarget aso = new AsoTarget(asoRef, mrRef, true, "<azure-id>", manifest);
        List<ObjectNode> capi = new java.util.ArrayList<>();
        if (capz) {
            ObjectNode c = Nodes.FACTORY.objectNode();
            c.put("apiVersion", "<capi-group>/v").put("kind", "<CAPI-Kind>");
            c.putObject("metadata").put("name", "<capi>").put("namespace", "<namespace>");
            capi.add(c);
        }
        UnitPlan u = new UnitPlan("<unit>", claim, xr, List.of(), gitops, false, List.of(mr), List.of(aso), List.of(),
                List.of(), List.of(), List.of(), capi);
        return CapzPlan.steps(u, StepTexts.forUnit("<unit>", claim, xr, List.of(), gitops, List.of(mr), List.of(aso),
                options, List.of()));
    }
}
