package io.xp2aso.handoff;

import java.util.List;

/** plan.md: the plan for the people who review and run it. Same steps as plan.json, with reasons and rollbacks. */
public final class PlanMarkdown {
    private PlanMarkdown() {
    }

    public static String write(Plan plan) {
        Utf8Text b = new Utf8Text(64 * 1024);
        header(b, plan, plan.units().stream().map(UnitSummary::of).toList());
        for (UnitPlan u : plan.units()) {
            unit(b, u);
        }
        return b.toString();
    }

    /** The title, the rules and the index table of every unit. */
    static void header(Utf8Text b, Plan plan, List<UnitSummary> units) {
        b.append("# Ownership handoff plan: Crossplane to ASO\n\n");
        b.append("Schema version ").append(plan.schemaVersion()).append(". ").append(units.size())
                .append(units.size() == 1 ? " unit" : " units")
                .append(". Nothing has run yet: `xp2aso handoff handoff/plan.json` checks every precondition and prints what "
                        + "it would do; `--execute` runs it, saving progress beside the plan so `--resume` continues a "
                        + "stopped run.\n\n");
        b.append("Never allowed: an Azure resource deleted or recreated, or written by Crossplane and ASO at the same time. "
                + "Every wait is bounded (").append(plan.timeoutSeconds()).append(" s, polling every ")
                .append(plan.pollSeconds()).append(" s). Secrets are named by Secret and key, never by value.\n\n");
        b.append("| unit | claim | XR | MRs | ASO resources | GitOps | status |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (UnitSummary u : units) {
            b.append("| `").append(u.id()).append("` | ").append(ref(u.claim())).append(" | ").append(ref(u.composite()))
                    .append(" | ").append(u.resources()).append(" | ").append(u.aso()).append(" | ")
                    .append(u.gitops() == null ? "-" : u.gitops().shortName()).append(" | ")
                    .append(u.blocked() ? "**blocked**" : "ready").append(" |\n");
        }
    }

    /** One unit's section. */
    static void unit(Utf8Text b, UnitPlan u) {
        b.append("\n## Unit `").append(u.id()).append("`\n\n");
        if (u.claim() != null) {
            b.append("- claim: ").append(ref(u.claim())).append('\n');
        }
        if (u.composite() != null) {
            b.append("- XR: ").append(ref(u.composite())).append('\n');
        }
        if (u.gitops() != null) {
            b.append("- GitOps: ").append(u.gitops().describe()).append(" (")
                    .append(u.gitops().evidence()).append("): the Git changes below are part of the plan\n");
        }
        if (!u.blockers().isEmpty()) {
            b.append("\n**Blocked**").appendWide(" — ").append("preflight stops this unit until these are resolved:\n\n");
            u.blockers().forEach(x -> b.append("- ").append(x).append('\n'));
        }
        if (!u.unknownManagers().isEmpty()) {
            b.append("\n**Blocked until acknowledged**").appendWide(" — ").append("the objects the plan was made from "
                    + "show writers xp2aso does not know; preflight stops this unit unless each is acknowledged by name:\n\n");
            u.unknownManagers().forEach(x -> b.append("- ").append(x.describe()).append('\n'));
        }
        if (u.blockers().isEmpty() && u.unknownManagers().isEmpty()) {
            ready(b, u);
        }
        b.append("\n| MR | external name | Azure ID | deletionPolicy | managementPolicies | ASO resources |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (ManagedHandoff mr : u.resources()) {
            b.append("| ").append(ref(mr.ref())).append(" | ").append(code(mr.externalName())).append(" | ")
                    .append(code(mr.azureId())).append(" | ");
            if (mr.namespacedV2()) {
                b.append("(v2: none)");
            } else {
                b.append(mr.deletionPolicy()).appendWide(" → ").append("Orphan");
            }
            b.append(" | ").append(String.join(",", mr.managementPolicies())).appendWide(" → ").append("Observe | ")
                    .append(mr.noObject() ? "none (it only observes; --observe-only none)"
                            : mr.targets().isEmpty() ? "(folded into another)" : String.join(", ",
                            mr.targets().stream().map(ObjectRef::display).toList())).append(" |\n");
        }
        if (!u.connectionSecrets().isEmpty()) {
            b.append("\nConnection Secrets (named only; values are never read):\n\n");
            u.connectionSecrets().forEach(c -> b.append("- ").append(c.describe()).append('\n'));
        }
        int n = 1;
        for (Step s : u.steps()) {
            b.append("\n### ").append(n++).append(". `").append(s.id()).append("`").appendWide(" — ").append(s.title())
                    .append("\n\n");
            s.detail().forEach(d -> b.append(d).append('\n'));
            if (!s.detail().isEmpty()) {
                b.append('\n');
            }
            if (!s.checks().isEmpty()) {
                b.append("Checks:\n\n");
                s.checks().forEach(c -> b.append("- ").append(c).append('\n'));
                b.append('\n');
            }
            b.append("```sh\n");
            s.commands().forEach(c -> b.append(mdCommand(c)).append('\n'));
            b.append("```\n\nRollback:\n\n```sh\n");
            s.rollback().forEach(c -> b.append(c).append('\n'));
            b.append("```\n");
        }
    }

    /** Why a unit is ready: what migrate checked, and what preflight still checks live. */
    private static void ready(Utf8Text b, UnitPlan u) {
        b.append("\n**Ready**").appendWide(" — ");
        int mrs = u.resources().size();
        if (u.composite() != null) {
            b.append("everything the XR composes").append(u.nested().isEmpty() ? "" : " (with its " + u.nested().size()
                    + (u.nested().size() == 1 ? " nested XR" : " nested XRs") + ", handed over with it)")
                    .append(" is an Azure MR this plan knows (").append(mrs).append(mrs == 1 ? " MR" : " MRs")
                    .append("), and nothing the observed XRs compose is missing from it; ");
        } else {
            b.append("a lone Azure MR no XR owns; ");
        }
        b.append("every MR has its ASO resources (").append(u.aso().size()).append(" in all); no error finding; no observed Azure "
                + "resource is claimed twice. Preflight still checks the live state before anything changes.\n");
        List<String> kept = new java.util.ArrayList<>();
        for (AsoTarget t : u.aso()) {
            if (!t.policyAfterHandover().equals(Keys.POLICY_MANAGE)) {
                kept.add("`" + t.ref().display() + "`: " + t.policyAfterHandover() + (t.policyAfterHandover()
                        .equals(Keys.POLICY_SKIP) ? " for good (" + t.source().display() + " is observe-only)"
                        : " (" + t.source().display() + " never deletes it)"));
            }
        }
        if (!kept.isEmpty()) {
            b.append("\nNot `manage` after the handoff:\n\n");
            kept.forEach(k -> b.append("- ").append(k).append('\n'));
        }
    }

    /** Manifests are in handoff.sh; here an apply names what it applies. */
    private static String mdCommand(String c) {
        if (c.startsWith("kubectl apply -f - <<'EOF'\n")) {
            List<String> lines = c.lines().toList();
            String kind = "", name = "", ns = "";
            // Its own annotation, or (a CAPZ object) that of the ASO objects it embeds.
            String policy = lines.stream().anyMatch(l -> l.equals("    " + Keys.RECONCILE_POLICY + ": " + Keys.POLICY_SKIP))
                    ? " with reconcile-policy skip" : lines.stream().anyMatch(l -> l.trim().equals(Keys.RECONCILE_POLICY
                    + ": " + Keys.POLICY_SKIP)) ? ", its embedded ASO objects in reconcile-policy skip" : "";
            for (String l : lines) {
                if (kind.isEmpty() && l.startsWith("kind: ")) {
                    kind = l.substring(6).trim();
                }
                if (name.isEmpty() && l.startsWith("  name: ")) {
                    name = l.substring(8).trim();
                }
                if (ns.isEmpty() && l.startsWith("  namespace: ")) {
                    ns = l.substring(13).trim();
                }
            }
            return "kubectl apply -f - <<'EOF'   # " + kind + "/" + (ns.isEmpty() ? "" : ns + "/") + name
                    + policy + " (" + (lines.size() - 2) + " lines, in handoff.sh)";
        }
        return c;
    }

    private static String ref(ObjectRef r) {
        return r == null ? "-" : "`" + r.display() + "`";
    }

    private static String code(String s) {
        return s == null || s.isEmpty() ? "(read live)" : "`" + s + "`";
    }
}
