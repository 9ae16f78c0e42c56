package io.xp2aso.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.xp2aso.source.YamlText;

import java.util.ArrayList;
import java.util.List;

import static io.xp2aso.handoff.Shell.annotate;
import static io.xp2aso.handoff.Shell.annotationPath;
import static io.xp2aso.handoff.Shell.cond;
import static io.xp2aso.handoff.Shell.expect;
import static io.xp2aso.handoff.Shell.nsFlag;
import static io.xp2aso.handoff.Shell.obj;
import static io.xp2aso.handoff.Shell.q;
import static io.xp2aso.handoff.Shell.waitFor;

/**
 * Writes each step of a unit: what it does and why, the kubectl equivalent (run by handoff.sh), what is checked,
 * and the rollback. The executor performs the same actions through the API; these texts are for people and scripts.
 */
final class StepTexts {
    private StepTexts() {
    }

    static final List<String> OBSERVE = List.of("Observe");

    static List<Step> forUnit(String unitId, ObjectRef claim, ObjectRef xr, List<ObjectRef> nested, GitOps gitops,
                              List<ManagedHandoff> mrs, List<AsoTarget> aso, PlanOptions options,
                              List<ConnectionSecret> secrets) {
        List<Step> steps = new ArrayList<>();
        steps.add(preflight(claim, xr, gitops, mrs, aso, options));
        if (gitops != null) {
            steps.add(gitopsProtect(claim != null ? claim : xr, claim != null, gitops));
        }
        if (claim != null || xr != null) {
            steps.add(pause(claim, xr, nested));
        }
        steps.add(orphan(mrs));
        steps.add(applyAso(mrs, aso, options));
        steps.add(verifyAso(aso));
        steps.add(preview(unitId, mrs, aso));
        steps.add(manage(mrs, aso));
        steps.add(verifyManaged(aso));
        if (gitops != null) {
            steps.add(gitopsAddAso(unitId, gitops));
            steps.add(gitopsRemoveClaim(unitId, claim != null ? claim : xr, claim != null, gitops));
        }
        steps.add(retire(claim, xr, nested, mrs, aso));
        steps.add(finalVerify(claim, xr, nested, mrs, aso, secrets));
        return steps;
    }

    private static Step preflight(ObjectRef claim, ObjectRef xr, GitOps gitops, List<ManagedHandoff> mrs,
                                  List<AsoTarget> aso, PlanOptions options) {
        List<String> cmd = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (ManagedHandoff mr : mrs) {
            cmd.add(expect(mr.ref(), cond("Ready"), "True"));
            cmd.add(expect(mr.ref(), cond("Synced"), "True"));
            if (!mr.externalName().isEmpty()) {
                cmd.add(expect(mr.ref(), annotationPath(Keys.EXTERNAL_NAME), mr.externalName()));
            }
            if (!mr.azureId().isEmpty()) {
                cmd.add(expect(mr.ref(), "'{.status.atProvider.id}'", mr.azureId()));
            }
            checks.add(mr.ref().display() + ": Ready and Synced, external name "
                    + (mr.externalName().isEmpty() ? "(read live)" : mr.externalName()) + ", Azure ID "
                    + (mr.azureId().isEmpty() ? "(read live: status.atProvider.id)" : mr.azureId()));
            if (!mr.drift().isEmpty()) {
                checks.add(mr.ref().display() + ": drift to review and approve: " + String.join("; ", mr.drift()));
            }
        }
        List<String> kinds = new ArrayList<>();
        for (AsoTarget t : aso) {
            if (!kinds.contains(t.ref().kubectlType())) {
                kinds.add(t.ref().kubectlType());
                cmd.add("require_kind " + t.ref().kubectlType());
            }
        }
        checks.add("ASO CRDs installed: " + String.join(", ", kinds));
        List<String> namespaces = new ArrayList<>();
        for (AsoTarget t : aso) {
            String from = t.manifest().path("metadata").path("annotations").path(Keys.CREDENTIAL_FROM).asText("");
            if (!from.isEmpty()) {
                cmd.add("require_secret " + t.ref().namespace() + " " + from + " || fail " + q("credential Secret "
                        + t.ref().namespace() + "/" + from + " is missing"));
                checks.add("credential Secret " + t.ref().namespace() + "/" + from + " exists (named by "
                        + Keys.CREDENTIAL_FROM + " on " + t.ref().display() + ")");
            } else if (!namespaces.contains(t.ref().namespace())) {
                namespaces.add(t.ref().namespace());
                cmd.add("require_secret " + t.ref().namespace() + " " + Keys.ASO_CREDENTIAL_SECRET + " || require_secret "
                        + options.asoNamespace() + " " + Keys.ASO_GLOBAL_SECRET + " || fail "
                        + q("no ASO credentials for namespace " + t.ref().namespace()));
                checks.add("ASO credentials for namespace " + t.ref().namespace() + ": Secret " + t.ref().namespace() + "/"
                        + Keys.ASO_CREDENTIAL_SECRET + " or " + options.asoNamespace() + "/" + Keys.ASO_GLOBAL_SECRET
                        + " (existence only; values are never read into the plan)");
            }
        }
        for (ManagedHandoff mr : mrs) {
            for (SecretCopy s : mr.secrets()) {
                cmd.add("require_secret " + s.fromNamespace() + " " + s.fromName() + " || fail "
                        + q("Secret " + s.fromNamespace() + "/" + s.fromName() + " is missing"));
                checks.add("source " + s.describe());
            }
        }
        if (claim != null && gitops == null) {
            checks.add("the live claim, XR and MRs are not tracked by a GitOps tool (Argo CD, Flux; by label, annotation "
                    + "or field manager), and no field manager xp2aso does not know writes them (else: regenerate the "
                    + "plan, or --ack-manager NAME)");
        }
        return new Step("preflight", StepAction.PREFLIGHT, "Preflight: read-only checks",
                List.of("Nothing is changed. Stops if any check fails. Drift between the desired state (Git) and the observed "
                        + "state stops the unit for review: `--approve UNIT` on the next run accepts what was shown."),
                cmd, checks, List.of("# nothing to undo: this step only reads"), "drift");
    }

    private static Step gitopsProtect(ObjectRef top, boolean isClaim, GitOps g) {
        String where = (isClaim ? "the claim " : "the XR ") + top.display();
        String[] p = g.protection();
        String tool = tool(g);
        String guard = argo(g) ? "Prune=false" : p[0] + ": " + p[1];
        return new Step("gitops-protect", StepAction.GITOPS_PROTECT, "Git: protect " + where + " from pruning",
                List.of(where + " is tracked by " + g.describe() + " (" + g.evidence() + ").",
                        "Merge a Git change that adds the annotation `" + p[0] + ": " + p[1] + "` to it, and let " + tool
                                + " sync it, BEFORE anything else:",
                        "later the claim is removed from Git, and without " + guard + " a sync would delete it while its "
                                + "MRs still delete Azure resources."),
                List.of("# Git change: add metadata.annotations[\"" + p[0] + "\"]: \"" + p[1] + "\" to " + where
                                + "; merge; wait for " + tool + " to sync",
                        "wait_contains " + obj(top) + " " + Shell.ns(top) + " " + annotationPath(p[0]) + " "
                                + (argo(g) ? "Prune=false" : p[1])),
                List.of("the live object carries " + p[0] + " with " + (argo(g) ? "Prune=false" : p[1])),
                List.of("# revert the Git change (after every later step is rolled back)"), "git");
    }

    private static boolean argo(GitOps g) {
        return g.tool().equals(GitOps.ARGOCD);
    }

    private static String tool(GitOps g) {
        return argo(g) ? "Argo CD" : "Flux";
    }

    private static Step pause(ObjectRef claim, ObjectRef xr, List<ObjectRef> nested) {
        List<String> cmd = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        // Top down: once an XR is paused it no longer re-renders the nested XR below it.
        for (ObjectRef r : refs(claim, xr, nested)) {
            cmd.add(annotate(r, Keys.PAUSED, "true"));
            cmd.add(expect(r, annotationPath(Keys.PAUSED), "true"));
            checks.add(r.display() + " has " + Keys.PAUSED + "=\"true\"");
        }
        for (ObjectRef r : reversed(refs(claim, xr, nested))) {
            rb.add(annotate(r, Keys.PAUSED, null) + "   # or restore the value it had before");
        }
        List<String> detail = new ArrayList<>(List.of("With `" + Keys.PAUSED + ": \"true\"` the XR stops composing: it no "
                + "longer re-creates, updates or garbage-collects its MRs."));
        if (!nested.isEmpty()) {
            detail.add("The XR composes other XRs: each is paused too, top down, so none re-renders the MRs below it.");
        }
        return new Step("pause", StepAction.PAUSE, nested.isEmpty() ? "Pause the claim and XR" : "Pause the claim and every XR",
                detail,
                cmd, checks, rb, "");
    }

    private static Step orphan(List<ManagedHandoff> mrs) {
        List<String> cmd = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (ManagedHandoff mr : mrs) {
            cmd.add(Shell.mrPatch(mr, "Orphan", OBSERVE));
            cmd.add(annotate(mr.ref(), Keys.PAUSED, null) + "   # a paused MR never finishes deleting");
            if (!mr.namespacedV2()) {
                cmd.add(expect(mr.ref(), "'{.spec.deletionPolicy}'", "Orphan"));
            }
            cmd.add(expect(mr.ref(), "'{.spec.managementPolicies}'", "[\"Observe\"]"));
            cmd.add(waitFor(mr.ref(), cond("Synced"), "True"));
            checks.add(mr.ref().display() + ": " + (mr.namespacedV2() ? "" : "deletionPolicy Orphan, ")
                    + "managementPolicies [\"Observe\"], not paused, Synced (the provider accepted observe-only)");
            rb.add(Shell.mrPatch(mr, mr.deletionPolicy(), mr.managementPolicies()));
        }
        return new Step("orphan", StepAction.ORPHAN, "Make every MR observe-only and orphaning",
                List.of("v1 MRs get `deletionPolicy: Orphan` and `managementPolicies: [\"Observe\"]` (Orphan alone still "
                                + "deletes when the policies hold Delete without \"*\"); v2 namespaced MRs have only "
                                + "`managementPolicies`, set to [\"Observe\"].",
                        "Observe-only MRs never write to Azure but keep reporting status; they stay unpaused so their "
                                + "deletion later completes without any Azure call."),
                cmd, checks, rb, "");
    }

    private static Step applyAso(List<ManagedHandoff> mrs, List<AsoTarget> aso, PlanOptions options) {
        List<String> cmd = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (ManagedHandoff mr : mrs) {
            for (SecretCopy s : mr.secrets()) {
                cmd.add("copy_secret_key " + s.fromNamespace() + " " + s.fromName() + " " + s.fromKey() + " "
                        + s.toNamespace() + " " + s.toName() + " " + s.toKey() + "   # the value is never printed");
                checks.add("copied " + s.describe());
            }
        }
        for (AsoTarget t : aso) {
            cmd.add("kubectl apply -f - <<'EOF'\n" + yaml(t, options) + "EOF");
            cmd.add(expect(t.ref(), annotationPath(Keys.RECONCILE_POLICY), Keys.POLICY_SKIP));
            checks.add(t.ref().display() + " exists with " + Keys.RECONCILE_POLICY + "=skip");
        }
        for (AsoTarget t : reversed(aso)) {
            rb.add(annotate(t.ref(), Keys.RECONCILE_POLICY, Keys.POLICY_SKIP));
            rb.add("kubectl delete " + obj(t.ref()) + nsFlag(t.ref()) + " --ignore-not-found   # skip: Azure is untouched");
        }
        return new Step("apply-aso", StepAction.APPLY_ASO_SKIP, "Apply the ASO resources with reconcile-policy skip",
                List.of("With `" + Keys.RECONCILE_POLICY + ": skip` ASO only GETs the Azure resource: no PUT, no DELETE. "
                        + "Ready then means only that the resource exists."),
                cmd, checks, rb, "");
    }

    private static Step verifyAso(List<AsoTarget> aso) {
        List<String> cmd = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (AsoTarget t : aso) {
            cmd.add(waitFor(t.ref(), cond("Ready"), "True"));
            if (t.primary()) {
                cmd.add(azureIdCheck(t));
                checks.add(t.ref().display() + ": Ready, Azure ID " + (t.azureId().isEmpty() ? "the same as" : t.azureId() + ", as")
                        + " " + t.source().display() + " reports");
            } else {
                checks.add(t.ref().display() + ": Ready");
            }
        }
        return new Step("verify-aso", StepAction.VERIFY_ASO, "Verify ASO sees the same Azure resources",
                List.of("Waits for Ready (bounded) and compares the ARM ID ASO reports (status.id or the "
                        + Keys.RESOURCE_ID + " annotation) with the MR's status.atProvider.id, ignoring case."),
                cmd, checks, List.of("# nothing to undo: this step only reads"), "");
    }

    private static Step preview(String unitId, List<ManagedHandoff> mrs, List<AsoTarget> aso) {
        List<String> cmd = new ArrayList<>();
        for (AsoTarget t : aso) {
            cmd.add("kubectl get " + obj(t.ref()) + nsFlag(t.ref()) + " -o yaml   # compare spec (what ASO will PUT) with status (live)");
        }
        cmd.add("confirm " + q(unitId + ": the takeover preview above is what ASO will change in Azure; hand over?"));
        List<String> detail = new ArrayList<>(List.of("ASO adopts by PUT of the whole spec. The executor compares each "
                        + "resource's spec with the state ASO observed (status): fields that would change, and settable "
                        + "fields Azure has that the spec omits.",
                "A non-empty preview stops the run until `xp2aso handoff PLAN --execute --approve " + unitId + "`."));
        List<String> expected = new ArrayList<>();
        mrs.forEach(m -> m.preview().forEach(l -> expected.add("- " + l)));
        if (!expected.isEmpty()) {
            detail.add("");
            detail.add("Expected from the observed state (status.atProvider) when the plan was made; the live preview decides:");
            detail.add("");
            detail.addAll(expected);
        }
        return new Step("preview", StepAction.PREVIEW, "Takeover preview: what ASO's first PUT would change", detail,
                cmd, List.of("preview is empty, or approved as shown"),
                List.of("# nothing to undo: this step only reads"), "preview");
    }

    private static Step manage(List<ManagedHandoff> mrs, List<AsoTarget> aso) {
        List<String> cmd = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        for (ManagedHandoff mr : mrs) {
            cmd.add(expect(mr.ref(), "'{.spec.managementPolicies}'", "[\"Observe\"]") + "   # Crossplane must not write");
        }
        for (AsoTarget t : aso) {
            String policy = t.policyAfterHandover();
            if (policy.equals(Keys.POLICY_SKIP)) {
                cmd.add("# " + t.ref().display() + " stays " + Keys.POLICY_SKIP + " for good: " + t.source().display()
                        + " only observed it (no write policy), so ASO must never PUT it nor delete it");
                continue;
            }
            cmd.add(annotate(t.ref(), Keys.RECONCILE_POLICY, policy) + (policy.equals(Keys.POLICY_DETACH)
                    ? "   # " + t.source().display() + " never deleted it: ASO writes but does not delete" : ""));
            cmd.add(expect(t.ref(), annotationPath(Keys.RECONCILE_POLICY), policy));
        }
        for (AsoTarget t : reversed(aso)) {
            rb.add(annotate(t.ref(), Keys.RECONCILE_POLICY, Keys.POLICY_SKIP));
        }
        return new Step("manage", StepAction.MANAGE, "Hand over: reconcile-policy manage",
                List.of("Checked again first: every MR of the unit is observe-only, so Crossplane and ASO never both write.",
                        "ASO then PUTs each spec (adoption) and keeps the resources in that state."),
                cmd, List.of("every MR observe-only before the flip; every ASO resource reads back manage"), rb, "");
    }

    private static Step verifyManaged(List<AsoTarget> aso) {
        List<String> cmd = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (AsoTarget t : aso) {
            cmd.add(waitFor(t.ref(), cond("Ready"), "True"));
            if (t.primary()) {
                cmd.add(azureIdCheck(t));
            }
            checks.add(t.ref().display() + ": Ready after the policy change" + (t.primary() ? ", same Azure ID" : ""));
        }
        return new Step("verify-managed", StepAction.VERIFY_MANAGED, "Verify ASO manages the resources",
                List.of("Waits (bounded) for each Ready condition to be re-established after the switch to manage."),
                cmd, checks, List.of("# nothing to undo: this step only reads"), "");
    }

    private static Step gitopsAddAso(String unitId, GitOps g) {
        return new Step("gitops-add-aso", StepAction.GITOPS_ADD_ASO, "Git: add the ASO manifests now",
                List.of("Now, and not earlier, merge the unit's ASO manifests into the Git path that " + g.describe()
                                + " syncs, with `" + Keys.RECONCILE_POLICY + ": manage` (the live value): "
                                + "the unit's aso/ folder with `components: [handed-over]` added to its kustomization.yaml.",
                        "Earlier, a sync would apply them while Crossplane still managed the resources, or flip the "
                                + "policy back."),
                List.of("# Git change: add the ASO manifests of unit " + unitId + " with components: [handed-over] in its "
                        + "kustomization.yaml (reconcile-policy manage); merge"),
                List.of("none (a notice; the tool cannot read Git)"),
                List.of("# remove the ASO manifests from Git again (or drop components: [handed-over] for reconcile-policy skip)"), "");
    }

    private static Step gitopsRemoveClaim(String unitId, ObjectRef top, boolean isClaim, GitOps g) {
        String what = (isClaim ? "the claim " : "the XR ") + top.display();
        String[] p = g.protection();
        String guard = argo(g) ? "Prune=false" : p[0] + ": " + p[1];
        String seen = switch (g.tool()) {
            case GitOps.ARGOCD -> "when " + g.describe() + " lists it as requiring pruning, or ";
            case GitOps.FLUX_KUSTOMIZE -> "when " + g.describe() + " no longer lists it in its inventory, or ";
            default -> "";
        };
        String check = switch (g.tool()) {
            case GitOps.ARGOCD -> "Argo CD no longer has it in Git (requiresPruning), or a person confirmed the merge";
            case GitOps.FLUX_KUSTOMIZE -> "Flux no longer has it in the Kustomization's inventory, or a person confirmed the merge";
            default -> "a person confirmed the merge";
        };
        return new Step("gitops-remove-claim", StepAction.GITOPS_REMOVE_CLAIM, "Git: remove " + what + " from Git",
                List.of("Every MR is orphaning and observe-only and ASO manages the resources, so removing " + what
                                + " from Git is now safe; " + guard + " keeps " + tool(g) + " from deleting it, the next step does.",
                        "The executor continues " + seen + "after `--approve " + unitId + "` confirms the merge."),
                List.of("# Git change: remove " + what + " from Git; merge; wait for " + tool(g) + " to sync",
                        "confirm " + q(unitId + ": is the removal of " + what + " merged and synced?")),
                List.of(check), List.of("# restore " + what + " in Git"), "git");
    }

    private static Step retire(ObjectRef claim, ObjectRef xr, List<ObjectRef> nested, List<ManagedHandoff> mrs,
                               List<AsoTarget> aso) {
        List<String> cmd = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (ManagedHandoff mr : mrs) {
            if (!mr.namespacedV2()) {
                cmd.add(expect(mr.ref(), "'{.spec.deletionPolicy}'", "Orphan"));
            }
            cmd.add(expect(mr.ref(), "'{.spec.managementPolicies}'", "[\"Observe\"]"));
        }
        for (ManagedHandoff mr : mrs) {
            cmd.add("kubectl delete " + obj(mr.ref()) + nsFlag(mr.ref()) + " --ignore-not-found --wait=false --cascade=orphan");
            cmd.add("wait_gone " + obj(mr.ref()) + " " + Shell.ns(mr.ref()));
            checks.add(mr.ref().display() + " deleted, orphaning its Azure resource");
        }
        // Bottom up: an XR goes only once nothing below it is left to garbage-collect.
        for (ObjectRef r : reversed(nested)) {
            cmd.add("kubectl delete " + obj(r) + nsFlag(r) + " --ignore-not-found --wait=false --cascade=orphan   # paused: held by its finalizer");
            cmd.add("if exists " + obj(r) + " " + Shell.ns(r) + "; then " + annotate(r, Keys.PAUSED, null)
                    + "; fi   # deleting: Crossplane finalizes it and never composes again");
            cmd.add("wait_gone " + obj(r) + " " + Shell.ns(r));
            checks.add(r.display() + " (nested XR) deleted (propagationPolicy Orphan)");
        }
        if (xr != null) {
            checks.add("immediately before deleting " + xr.display() + ": everything it composes (spec.resourceRefs, "
                    + "objects labelled crossplane.io/composite, at every depth) is in the plan");
            cmd.add("kubectl delete " + obj(xr) + nsFlag(xr) + " --ignore-not-found --wait=false --cascade=orphan   # paused: held by its finalizer");
            cmd.add("if exists " + obj(xr) + " " + Shell.ns(xr) + "; then " + annotate(xr, Keys.PAUSED, null)
                    + "; fi   # deleting: Crossplane finalizes it and never composes again");
            cmd.add("wait_gone " + obj(xr) + " " + Shell.ns(xr));
            checks.add(xr.display() + " deleted (propagationPolicy Orphan)");
        }
        if (claim != null) {
            cmd.add("kubectl delete " + obj(claim) + nsFlag(claim) + " --ignore-not-found --wait=false --cascade=orphan   # paused: held by its finalizer");
            cmd.add("if exists " + obj(claim) + " " + Shell.ns(claim) + "; then " + annotate(claim, Keys.PAUSED, null) + "; fi");
            cmd.add("wait_gone " + obj(claim) + " " + Shell.ns(claim));
            checks.add(claim.display() + " deleted (propagationPolicy Orphan)");
        }
        for (AsoTarget t : aso) {
            cmd.add(expect(t.ref(), cond("Ready"), "True") + "   # the Azure resource still exists");
        }
        checks.add("every ASO resource still Ready (its Azure resource exists)");
        return new Step("retire", StepAction.RETIRE, "Retire the Crossplane objects without touching Azure",
                List.of("MRs first (observe-only + Orphan: the provider drops its finalizer without calling Azure; the "
                                + "paused XR does not re-create them), then " + (nested.isEmpty() ? "" : "the nested XRs "
                                + "from the deepest up, then ") + "the XR, then the claim: each deleted while paused, then "
                                + "unpaused so Crossplane finalizes it (deletion is handled before composition).",
                        "Every delete uses propagationPolicy Orphan (kubectl --cascade=orphan), so garbage collection "
                                + "deletes nothing the object owns. The XR goes before the claim: a deleting claim deletes "
                                + "its XR with background propagation itself. Immediately before the XR and the claim are "
                                + "deleted, what the XR composes is compared with the plan again; anything unknown stops the step.",
                        "Not reversible by the tool once an MR is gone; see the rollback."),
                cmd, checks,
                List.of("# not reversible by the tool after an MR is deleted. To return to Crossplane: set the ASO resources "
                                + "to reconcile-policy skip, re-create each MR with managementPolicies [\"Observe\"] and the same "
                                + Keys.EXTERNAL_NAME + " (Crossplane imports it), then restore the claim/XR paused and unpause "
                                + "it once the MRs are Ready."), "");
    }

    private static Step finalVerify(ObjectRef claim, ObjectRef xr, List<ObjectRef> nested, List<ManagedHandoff> mrs,
                                    List<AsoTarget> aso, List<ConnectionSecret> secrets) {
        List<String> cmd = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (ObjectRef r : refs(claim, xr, nested)) {
            cmd.add("expect_gone " + obj(r) + " " + Shell.ns(r));
        }
        for (ManagedHandoff mr : mrs) {
            cmd.add("expect_gone " + obj(mr.ref()) + " " + Shell.ns(mr.ref()));
        }
        checks.add("no claim, XR or MR of the unit remains");
        for (AsoTarget t : aso) {
            cmd.add(expect(t.ref(), annotationPath(Keys.RECONCILE_POLICY), t.policyAfterHandover()));
            cmd.add(expect(t.ref(), cond("Ready"), "True"));
            if (t.primary() && !t.azureId().isEmpty()) {
                cmd.add(azureIdCheck(t));
            }
        }
        checks.add("every ASO resource manages its Azure resource, Ready, same ARM ID; from now on commit the unit's "
                + "aso/ folder with components: [handed-over] in its kustomization.yaml (reconcile-policy manage)");
        for (ConnectionSecret s : secrets) {
            if (!s.replacement().isEmpty()) {
                checks.add("connection Secret " + s.replacement() + " holds keys " + s.keys()
                        + (s.inPlace() ? " and every key Crossplane's Secret had at preflight (key names only)" : "")
                        + ", written by ASO (waits for it)");
            }
        }
        return new Step("final-verify", StepAction.FINAL_VERIFY, "Final verification", List.of(), cmd, checks,
                List.of("# nothing to undo: this step only reads"), "");
    }

    /** With the ID unknown at plan time, the script compares with the MR's live status.atProvider.id. */
    private static String azureIdCheck(AsoTarget t) {
        String want = t.azureId().isEmpty() ? "\"$(jp " + obj(t.source()) + " " + Shell.ns(t.source())
                + " '{.status.atProvider.id}')\"" : q(t.azureId());
        return "expect_azure_id " + obj(t.ref()) + " " + Shell.ns(t.ref()) + " " + want;
    }

    /** Claim, XR and nested XRs, top down. */
    private static List<ObjectRef> refs(ObjectRef claim, ObjectRef xr, List<ObjectRef> nested) {
        List<ObjectRef> out = new ArrayList<>();
        if (claim != null) {
            out.add(claim);
        }
        if (xr != null) {
            out.add(xr);
        }
        out.addAll(nested);
        return out;
    }

    private static <T> List<T> reversed(List<T> in) {
        List<T> out = new ArrayList<>(in);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The manifest's YAML: as the ASO tree wrote it when it is that very object, else rendered here. */
    static String yaml(AsoTarget t, PlanOptions options) {
        String written = options.renderedYaml().get(t.manifest());
        if (written != null) {
            return written;
        }
        try {
            return YamlText.write(t.manifest());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
