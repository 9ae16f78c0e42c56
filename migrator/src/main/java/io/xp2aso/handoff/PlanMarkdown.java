package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What people review: plan.md, an index with one line per unit; steps.md, the steps of each kind of unit written
 * once; and one page per unit ({@link #pagePath}) with only its parameters, short enough for a screen.
 */
public final class PlanMarkdown {
    private PlanMarkdown() {
    }

    /** Longest "why blocked" the index shows; the unit's page has every reason in full. */
    private static final int REASON = 120;

    /** plan.md of a whole plan. */
    public static String index(Plan plan) {
        Utf8Text b = new Utf8Text(16 * 1024);
        index(b, plan, plan.units().stream().map(UnitSummary::of).toList());
        return b.toString();
    }

    /** A unit's page, its manifests in plan.json. */
    public static String page(UnitPlan u) {
        Utf8Text b = new Utf8Text(4 * 1024);
        page(b, u, m -> null);
        return b.toString();
    }

    /** Where a unit's page is, relative to the plan's folder: units/NAMESPACE/NAME.md (units/_cluster/... without one). */
    public static String pagePath(String unitId) {
        return "units/" + safe(unitId) + ".md";
    }

    /** Kubernetes names are already safe file names; anything else becomes '_' so a page never leaves units/. */
    private static String safe(String id) {
        StringBuilder s = new StringBuilder(id.length());
        for (String part : id.split("/", -1)) {
            if (s.length() > 0) {
                s.append('/');
            }
            String p = part.replaceAll("[^A-Za-z0-9._-]", "_");
            s.append(p.isEmpty() || p.equals(".") || p.equals("..") ? "_" + p : p);
        }
        return s.toString();
    }

    /** The title, the rules and one line per unit. */
    static void index(Utf8Text b, Plan plan, List<UnitSummary> units) {
        long blocked = units.stream().filter(UnitSummary::blocked).count();
        int mrs = units.stream().mapToInt(UnitSummary::resources).sum();
        int aso = units.stream().mapToInt(UnitSummary::aso).sum();
        b.append("# Ownership handoff plan: Crossplane to ASO\n\n");
        b.append("Schema version ").append(plan.schemaVersion()).append(". ").append(units.size())
                .append(units.size() == 1 ? " unit" : " units").append(" (").append(units.size() - blocked).append(" ready, ")
                .append(blocked).append(" blocked), ").append(mrs).append(mrs == 1 ? " MR, " : " MRs, ").append(aso)
                .append(" ASO resources. Nothing has run yet: `xp2aso handoff handoff/plan.json` checks every precondition "
                        + "and prints what it would do; `--execute` runs it, saving progress beside the output folder so "
                        + "`--resume` continues a stopped run.\n\n");
        b.append("Never allowed: an Azure resource deleted or recreated, or written by Crossplane and ASO at the same time. "
                + "Every wait is bounded (").append(plan.timeoutSeconds()).append(" s, polling every ")
                .append(plan.pollSeconds()).append(" s). Secrets are named by Secret and key, never by value.\n\n");
        b.append("The steps of each kind of unit are written once, in [steps.md](steps.md); each unit's page (linked below) "
                + "gives its parameters: objects, names, Azure IDs, expected values and what blocks it.\n\n");
        b.append("| unit | kind | MRs | ASO | GitOps | status |\n| --- | --- | ---: | ---: | --- | --- |\n");
        for (UnitSummary u : units) {
            b.append("| [`").append(u.id()).append("`](").append(pagePath(u.id())).append(") | ").append(Sequences.of(u))
                    .append(" | ").append(u.resources()).append(" | ").append(u.aso()).append(" | ")
                    .append(u.gitops() == null ? "-" : u.gitops().shortName()).append(" | ");
            if (u.blocked()) {
                List<String> reasons = u.reasons();
                b.append("**blocked**: ").append(cell(shorten(reasons.get(0))));
                if (reasons.size() > 1) {
                    b.append(" (+").append(reasons.size() - 1).append(" more)");
                }
            } else {
                b.append("ready");
            }
            b.append(" |\n");
        }
    }

    /** One unit's page: its parameters; its steps are those of its kind, in steps.md. */
    static void page(Utf8Text b, UnitPlan u, Function<ObjectNode, String> fileOf) {
        String up = "../".repeat((int) pagePath(u.id()).chars().filter(c -> c == '/').count());
        String kind = Sequences.of(u);
        b.append("# Unit `").append(u.id()).append("`\n\n[Index](").append(up).append("plan.md). Kind `").append(kind)
                .append("`: ").append(String.join(", ", u.steps().stream().map(Step::id).toList()))
                .append(" (see [steps.md](").append(up).append("steps.md#").append(kind).append(")).\n\n");
        if (u.claim() != null) {
            b.append("- claim: ").append(ref(u.claim())).append('\n');
        }
        if (u.composite() != null) {
            b.append("- XR: ").append(ref(u.composite())).append('\n');
        }
        if (!u.nested().isEmpty()) {
            b.append("- nested XRs (paused after the XR, top down; retired before it, bottom up): ")
                    .append(String.join(", ", u.nested().stream().map(PlanMarkdown::ref).toList())).append('\n');
        }
        if (u.gitops() != null) {
            b.append("- GitOps: ").append(u.gitops().describe()).append(" (").append(u.gitops().evidence())
                    .append("): the Git steps are part of the handoff\n");
        }
        List<String> dirs = new ArrayList<>();
        boolean inline = false;
        for (AsoTarget t : u.aso()) {
            String f = fileOf.apply(t.manifest());
            if (f == null) {
                inline = true;
            } else if (!dirs.contains(f.substring(0, f.lastIndexOf('/') + 1))) {
                dirs.add(f.substring(0, f.lastIndexOf('/') + 1));
            }
        }
        if (!u.aso().isEmpty()) {
            b.append("- ASO manifests, applied with reconcile-policy skip: ")
                    .append(String.join(", ", dirs.stream().map(d -> "`" + d + "`").toList()))
                    .append(inline ? (dirs.isEmpty() ? "" : "; ") + "in plan.json" : "").append('\n');
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
        b.append("\n| MR | external name | Azure ID | deletion, management policies now | ASO resources |\n| --- | --- | --- | --- | --- |\n");
        for (ManagedHandoff mr : u.resources()) {
            b.append("| ").append(ref(mr.ref())).append(" | ").append(code(mr.externalName())).append(" | ")
                    .append(code(mr.azureId())).append(" | ").append(mr.namespacedV2() ? "(v2)" : mr.deletionPolicy())
                    .append(", ").append(String.join(",", mr.managementPolicies())).append(" | ")
                    .append(mr.noObject() ? "none (it only observes; --observe-only none)"
                            : mr.targets().isEmpty() ? "(folded into another)" : String.join(", ",
                            mr.targets().stream().map(ObjectRef::display).toList())).append(" |\n");
        }
        List<String> copies = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        List<String> preview = new ArrayList<>();
        for (ManagedHandoff mr : u.resources()) {
            mr.secrets().forEach(s -> copies.add(s.describe()));
            mr.drift().forEach(d -> drift.add(mr.ref().display() + ": " + d));
            preview.addAll(mr.preview());
        }
        list(b, "Secret keys apply-aso copies (by name and key; values are never printed):", copies);
        list(b, "Connection Secrets (named only; values are never read):",
                u.connectionSecrets().stream().map(ConnectionSecret::describe).toList());
        list(b, "Drift between the desired and the observed state" + (u.driftAccepted() ? " (accepted when the plan was made):"
                : ": preflight stops for `--approve " + u.id() + "`:"), drift);
        list(b, "Takeover preview expected from the observed state (the live preview decides, and stops for `--approve "
                + u.id() + "` when not empty):", preview);
    }

    private static void list(Utf8Text b, String title, List<String> items) {
        if (!items.isEmpty()) {
            b.append('\n').append(title).append("\n\n");
            items.forEach(i -> b.append("- ").append(i).append('\n'));
        }
    }

    /** Why a unit is ready: what migrate checked, and what preflight still checks live. */
    private static void ready(Utf8Text b, UnitPlan u) {
        b.append("\n**Ready**").appendWide(" — ");
        if (u.composite() != null) {
            b.append("everything the XR").append(u.nested().isEmpty() ? " composes" : " and its nested XRs compose")
                    .append(" is an Azure MR of this plan, and nothing the observed XRs compose is missing; ");
        } else {
            b.append("a lone Azure MR no XR owns; ");
        }
        b.append("every MR has its ASO resources; no error finding; no Azure resource claimed twice. Preflight checks the "
                + "live state again.\n");
        List<String> kept = new ArrayList<>();
        for (AsoTarget t : u.aso()) {
            if (!t.policyAfterHandover().equals(Keys.POLICY_MANAGE)) {
                kept.add("`" + t.ref().display() + "`: " + t.policyAfterHandover() + (t.policyAfterHandover()
                        .equals(Keys.POLICY_SKIP) ? " for good (" + t.source().display() + " is observe-only)"
                        : " (" + t.source().display() + " never deletes it)"));
            }
        }
        list(b, "Not `manage` after the handoff:", kept);
    }

    /** steps.md: the steps of each kind of unit the plan has, with how many units are of it. */
    public static String steps(Plan header, Map<String, Integer> unitsOfKind) {
        Utf8Text b = new Utf8Text(32 * 1024);
        PlanOptions options = new PlanOptions(header.asoNamespace(), header.timeoutSeconds(), header.pollSeconds(),
                java.util.Set.of(), null, null);
        b.append("# Handoff steps, by kind of unit\n\nEvery unit of a kind goes through the same steps, written here once; "
                + "each unit's page (`units/<namespace>/<name>.md`) gives its parameters. In the commands `<mr>` stands for "
                + "each MR of the unit, `<aso>` for each ASO resource, `<claim>` and `<xr>` for its claim and XR; nested "
                + "XRs are paused after the XR (top down) and retired before it (bottom up). `xp2aso handoff` (which "
                + "handoff.sh runs) performs these steps through the API with every check; the kubectl lines are their "
                + "equivalent, for review. Every step is idempotent and verified by reading back.\n");
        for (Map.Entry<String, Integer> e : new TreeMap<>(unitsOfKind).entrySet()) {
            b.append("\n## ").append(e.getKey()).append("\n\n").append(e.getValue()).append(e.getValue() == 1 ? " unit" : " units")
                    .append(": ").append(describe(e.getKey())).append(".\n");
            int n = 1;
            for (Step s : Sequences.template(e.getKey(), options)) {
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
                s.commands().forEach(c -> b.append(command(c)).append('\n'));
                b.append("```\n\nRollback:\n\n```sh\n");
                s.rollback().forEach(c -> b.append(c).append('\n'));
                b.append("```\n");
            }
        }
        return b.toString();
    }

    private static String describe(String capzKind) {
        boolean capz = capzKind.endsWith(Sequences.CAPZ);
        String kind = capz ? capzKind.substring(0, capzKind.length() - Sequences.CAPZ.length()) : capzKind;
        return describeBase(kind) + (capz ? ", adopted by CAPZ (--aks-target capz)" : "");
    }

    private static String describeBase(String kind) {
        String base = kind.contains("-") ? kind.substring(0, kind.indexOf('-')) : kind;
        String what = switch (base) {
            case "claim" -> "a claim with its XR and MRs";
            case "xr" -> "an XR without a claim, with its MRs";
            default -> "a lone MR no XR owns";
        };
        return kind.contains("-") ? what + ", tracked by " + new GitOps(kind.substring(kind.indexOf('-') + 1), "", "")
                .describe().replace(" (not named on the object)", "") : what;
    }

    /** The apply of a manifest names its file instead of repeating it. */
    private static String command(String c) {
        if (c.startsWith("kubectl apply -f - <<'EOF'\n")) {
            return "kubectl apply -f aso/<namespace>/<unit>/<aso-kind>-<aso>.yaml   # with reconcile-policy skip";
        }
        return c;
    }

    private static String shorten(String s) {
        if (s.length() <= REASON) {
            return s;
        }
        int cut = s.lastIndexOf(' ', REASON);
        return s.substring(0, cut > REASON / 2 ? cut : REASON) + "…";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String ref(ObjectRef r) {
        return r == null ? "-" : "`" + r.display() + "`";
    }

    private static String code(String s) {
        return s == null || s.isEmpty() ? "(read live)" : "`" + s + "`";
    }
}
