package io.xp2aso.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scope the inventory templates render: plain maps and lists of strings, nothing computed in templates. */
final class InventoryViews {
    private InventoryViews() {
    }

    static Map<String, Object> scope(Inventory inv, Analysis a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("server", inv.cluster().server());
        s.put("context", inv.cluster().context().isEmpty() ? "(current)" : inv.cluster().context());
        s.put("namespace", inv.cluster().namespace().isEmpty() ? "(all)" : inv.cluster().namespace());

        List<Map<String, Object>> summary = new ArrayList<>();
        row(summary, "Claims", inv.claims().size());
        row(summary, "Composite resources (XRs)", inv.composites().size());
        row(summary, "Managed resources (MRs)", inv.managed().size());
        row(summary, "XRDs", inv.xrds().size());
        row(summary, "Compositions", inv.compositions().stream().filter(c -> !c.isRevision()).count());
        row(summary, "Composition revisions", inv.compositions().stream().filter(CompositionSummary::isRevision).count());
        row(summary, "EnvironmentConfigs", inv.environmentConfigs().size());
        row(summary, "Providers", inv.providers().size());
        row(summary, "Functions", inv.functions().size());
        row(summary, "ProviderConfigs", inv.providerConfigs().size());
        row(summary, "Kinds not listed", inv.unlisted().size());
        row(summary, "MRs movable today", a.movable());
        s.put("summary", summary);
        s.put("movable", a.movable());
        s.put("managed", a.managed());
        s.put("movablePercent", a.movablePercent());
        s.put("movableWidth", a.managed() == 0 ? 0 : Math.round(300.0 * a.movable() / a.managed()));

        s.put("asoInstalled", inv.aso().installed() ? "yes" : "no");
        s.put("asoVersion", inv.aso().version().isEmpty() ? "unknown" : inv.aso().version());
        List<Map<String, Object>> aso = new ArrayList<>();
        for (AsoCrd c : inv.aso().crds()) {
            aso.add(map("group", c.group(), "kind", c.kind(), "served", String.join(", ", c.servedVersions()),
                    "storage", c.storageVersion()));
        }
        s.put("asoCrds", aso);
        s.put("hasAsoCrds", !aso.isEmpty());

        List<Map<String, Object>> kinds = new ArrayList<>();
        for (KindCount k : inv.kinds()) {
            kinds.add(map("resource", k.kind().resource(), "apiVersion", k.kind().apiVersion(), "kind", k.kind().kind(),
                    "role", InventoryJson.role(k.kind()), "count", String.valueOf(k.count()),
                    "pages", String.valueOf(k.pages())));
        }
        s.put("kinds", kinds);
        List<Map<String, Object>> unlisted = new ArrayList<>();
        for (UnlistedKind u : inv.unlisted()) {
            unlisted.add(map("resource", u.resource(), "status", String.valueOf(u.status()), "message", u.message()));
        }
        s.put("unlisted", unlisted);
        s.put("hasUnlisted", !unlisted.isEmpty());

        List<Map<String, Object>> mig = new ArrayList<>();
        for (KindMigratability k : a.kinds()) {
            List<String> targets = new ArrayList<>();
            for (TargetReadiness t : k.targets()) {
                targets.add(t.kind() + " " + t.group() + "/" + t.version()
                        + (t.served() ? "" : t.installed() ? " (version not served)" : " (CRD missing)"));
            }
            mig.add(map("targets", String.join(", ", targets), "apiVersion", k.apiVersion(), "kind", k.kind(), "mapped", k.mapped() ? "yes" : "no",
                    "count", String.valueOf(k.count()), "healthy", String.valueOf(k.healthy()),
                    "drifting", String.valueOf(k.drifting()), "paused", String.valueOf(k.paused()),
                    "movable", String.valueOf(k.movable())));
        }
        s.put("migratability", mig);

        List<Map<String, Object>> aks = new ArrayList<>();
        for (AksReadiness r : a.aks()) {
            aks.add(map("cluster", r.cluster().display(), "apiVersion", r.cluster().apiVersion(),
                    "azureId", r.azureId().isEmpty() ? "(not observed)" : r.azureId(), "capz", r.capz() ? "yes" : "no",
                    "reasons", r.reasons().isEmpty() ? "-" : String.join("; ", r.reasons()),
                    "machinePools", r.machinePools().isEmpty() ? "-" : String.join("; ", r.machinePools()),
                    "staysAso", r.staysAso().isEmpty() ? "-" : String.join(", ", r.staysAso())));
        }
        s.put("aksClusters", aks);
        s.put("hasAks", !aks.isEmpty());
        s.put("capzCrds", inv.capzCrds().isEmpty() ? "none" : String.join(", ", inv.capzCrds()));

        Map<String, Integer> blockerCounts = new TreeMap<>();
        List<Map<String, Object>> blockers = new ArrayList<>();
        for (Blocker b : a.blockers()) {
            blockerCounts.merge(b.code(), 1, Integer::sum);
            // Unhealthy and drifting objects have their own tables below.
            if (!b.code().equals("unhealthy") && !b.code().equals("drift")) {
                blockers.add(map("code", b.code(), "subject", b.subject(), "message", b.message()));
            }
        }
        List<Map<String, Object>> counts = new ArrayList<>();
        blockerCounts.forEach((code, n) -> counts.add(map("code", code, "count", String.valueOf(n))));
        s.put("blockerCounts", counts);
        s.put("hasBlockers", !counts.isEmpty());
        s.put("blockers", blockers);
        s.put("hasBlockerDetails", !blockers.isEmpty());

        List<Map<String, Object>> comps = new ArrayList<>();
        for (CompositionSummary c : inv.compositions()) {
            List<String> fns = new ArrayList<>();
            for (FunctionStep st : c.pipeline()) {
                fns.add(st.step() + ": " + a.functions().identify(st.functionRef())
                        + (a.functions().supported(st) ? "" : " (unsupported)"));
            }
            comps.add(map("kind", c.kind(), "name", c.name(), "composition", c.compositionName(),
                    "revision", c.isRevision() ? String.valueOf(c.revision()) : "",
                    "compositeType", c.compositeKind() + " (" + c.compositeApiVersion() + ")", "mode", c.mode(),
                    "functions", String.join("; ", fns), "resourceKinds", String.join(", ", c.resourceKinds())));
        }
        s.put("compositions", comps);

        List<Map<String, Object>> xrds = new ArrayList<>();
        for (XrdSummary x : inv.xrds()) {
            xrds.add(map("name", x.name(), "compositeKind", x.xrKind(), "claimKind", x.claimKind(), "scope", x.scope(),
                    "versions", String.join(", ", x.servedVersions())));
        }
        s.put("xrds", xrds);
        s.put("providers", packages(inv.providers()));
        s.put("functions", packages(inv.functions()));
        List<Map<String, Object>> pcs = new ArrayList<>();
        for (ProviderConfigSummary p : inv.providerConfigs()) {
            pcs.add(map("ref", p.ref().display(), "apiVersion", p.ref().apiVersion(), "source", p.credentialsSource(),
                    "secretRef", p.secretRef()));
        }
        s.put("providerConfigs", pcs);
        List<Map<String, Object>> envs = new ArrayList<>();
        for (EnvironmentConfigSummary e : inv.environmentConfigs()) {
            envs.add(map("name", e.name(), "keys", String.join(", ", e.dataKeys())));
        }
        s.put("environmentConfigs", envs);

        List<Map<String, Object>> unhealthy = new ArrayList<>();
        List<Map<String, Object>> paused = new ArrayList<>();
        List<Map<String, Object>> drift = new ArrayList<>();
        Map<String, Integer> policies = new TreeMap<>();
        for (List<ResourceSummary> l : List.of(inv.claims(), inv.composites(), inv.managed())) {
            for (ResourceSummary r : l) {
                if (!r.healthy()) {
                    unhealthy.add(map("object", r.ref().display(), "apiVersion", r.ref().apiVersion(),
                            "problem", r.problem()));
                }
                if (r.paused()) {
                    paused.add(map("object", r.ref().display(), "apiVersion", r.ref().apiVersion()));
                }
            }
        }
        for (ResourceSummary r : inv.managed()) {
            for (DriftField d : r.drift()) {
                drift.add(map("object", r.ref().display(), "path", d.path(), "desired", d.desired(),
                        "observed", d.observed()));
            }
            String key = (r.deletionPolicy().isEmpty() ? "(none)" : r.deletionPolicy()) + "\u0000"
                    + (r.managementPolicies().isEmpty() ? "(default)" : String.join(", ", r.managementPolicies()));
            policies.merge(key, 1, Integer::sum);
        }
        s.put("unhealthy", unhealthy);
        s.put("hasUnhealthy", !unhealthy.isEmpty());
        s.put("paused", paused);
        s.put("hasPaused", !paused.isEmpty());
        s.put("drift", drift);
        s.put("hasDrift", !drift.isEmpty());
        List<Map<String, Object>> policyRows = new ArrayList<>();
        policies.forEach((k, n) -> {
            String[] p = k.split("\u0000", -1);
            policyRows.add(map("deletionPolicy", p[0], "managementPolicies", p[1], "count", String.valueOf(n)));
        });
        s.put("policies", policyRows);

        List<Map<String, Object>> graph = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (GraphNode g : a.graph()) {
            graph.add(node(g));
            lines(g, 0, lines);
        }
        s.put("graph", graph);
        s.put("graphLines", lines);
        return s;
    }

    private static Map<String, Object> node(GraphNode g) {
        Map<String, Object> m = map("role", g.role(), "kind", g.ref().kind(), "apiVersion", g.ref().apiVersion(),
                "name", g.ref().namespace().isEmpty() ? g.ref().name() : g.ref().namespace() + "/" + g.ref().name(),
                "state", g.state(), "detail", g.detail());
        List<Map<String, Object>> children = new ArrayList<>();
        for (GraphNode c : g.children()) {
            children.add(node(c));
        }
        m.put("children", children);
        m.put("hasChildren", !children.isEmpty());
        m.put("hasDetail", !g.detail().isEmpty());
        return m;
    }

    /** The graph as indented Markdown list lines (Mustache cannot indent recursive partials reliably). */
    private static void lines(GraphNode g, int depth, List<Map<String, Object>> out) {
        Map<String, Object> m = map("indent", "  ".repeat(depth), "role", g.role(), "kind", g.ref().kind(),
                "name", g.ref().namespace().isEmpty() ? g.ref().name() : g.ref().namespace() + "/" + g.ref().name(),
                "state", g.state(), "detail", g.detail());
        m.put("hasDetail", !g.detail().isEmpty());
        out.add(m);
        for (GraphNode c : g.children()) {
            lines(c, depth + 1, out);
        }
    }

    private static List<Map<String, Object>> packages(List<PackageSummary> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PackageSummary p : list) {
            out.add(map("name", p.name(), "package", p.packageRef(), "revision", p.currentRevision(),
                    "health", p.health()));
        }
        return out;
    }

    private static void row(List<Map<String, Object>> rows, String label, long value) {
        rows.add(map("label", label, "value", String.valueOf(value)));
    }

    private static Map<String, Object> map(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
