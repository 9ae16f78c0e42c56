package io.xp2aso.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Derives the graph, the blockers and the migratable share from an inventory and the mapping catalog. */
public final class InventoryAnalysis {
    private InventoryAnalysis() {
    }

    public static Analysis analyze(Inventory inv, KindSupport catalog) {
        FunctionSupport functions = new FunctionSupport(inv.functions());
        List<Blocker> blockers = new ArrayList<>();

        for (UnlistedKind u : inv.unlisted()) {
            blockers.add(new Blocker("unlisted-kind", u.resource(), (u.denied() ? "forbidden (403)" : "error " + u.status())
                    + ": the inventory does not include this kind: " + u.message()));
        }
        if (!inv.aso().installed()) {
            blockers.add(new Blocker("aso-not-installed", "azure-service-operator",
                    "Azure Service Operator v2 CRDs were not found on the cluster"));
        }
        for (PackageSummary p : concat(inv.providers(), inv.functions())) {
            if (p.health().equals("unhealthy")) {
                blockers.add(new Blocker("unhealthy-package", p.kind() + "/" + p.name(),
                        "Crossplane needs its packages working to orphan and pause MRs during the handoff: "
                                + problem(p)));
            }
        }
        for (CompositionSummary c : inv.compositions()) {
            if (c.isRevision() || !c.mode().equals("Pipeline")) {
                continue;
            }
            List<String> unsupported = new ArrayList<>();
            for (FunctionStep s : c.pipeline()) {
                if (!functions.supported(s)) {
                    unsupported.add(s.step() + " (" + functions.identify(s.functionRef()) + ")");
                }
            }
            if (!unsupported.isEmpty()) {
                blockers.add(new Blocker("unsupported-function", "Composition/" + c.name(),
                        "steps xp2aso cannot render from the repository alone (migrate --from-cluster or --observed "
                                + "supplies the live MRs instead): " + String.join(", ", unsupported)));
            }
        }

        Map<String, long[]> perKind = new TreeMap<>();
        Map<String, String[]> kindIds = new TreeMap<>();
        long movable = 0;
        for (ResourceSummary mr : inv.managed()) {
            String key = mr.ref().kind() + "\u0000" + mr.ref().apiVersion();
            long[] n = perKind.computeIfAbsent(key, k -> new long[5]);
            kindIds.putIfAbsent(key, new String[]{mr.ref().apiVersion(), mr.ref().kind()});
            boolean mapped = catalog.hasMapping(mr.ref().apiVersion(), mr.ref().kind());
            n[0]++;
            if (mr.healthy()) {
                n[1]++;
            }
            if (mr.drifting()) {
                n[2]++;
            }
            if (mr.paused()) {
                n[3]++;
            }
            if (mapped && mr.healthy() && !mr.drifting()) {
                n[4]++;
                movable++;
            }
        }
        List<KindMigratability> kinds = new ArrayList<>();
        java.util.Set<String> asoReported = new java.util.HashSet<>();
        for (Map.Entry<String, long[]> e : perKind.entrySet()) {
            String[] id = kindIds.get(e.getKey());
            long[] n = e.getValue();
            boolean mapped = catalog.hasMapping(id[0], id[1]);
            List<TargetReadiness> targets = new ArrayList<>();
            if (mapped) {
                for (KindSupport.AsoTarget t : catalog.targets(id[0], id[1])) {
                    targets.add(TargetReadiness.of(t, inv.aso()));
                }
            }
            kinds.add(new KindMigratability(id[0], id[1], mapped, n[0], n[1], n[2], n[3], n[4], targets));
            if (!mapped) {
                blockers.add(new Blocker("unmapped-kind", id[1] + "." + groupOf(id[0]),
                        n[0] + " managed resource(s) of " + id[0] + " " + id[1] + ": no ASO mapping in the catalog"));
            }
            if (inv.aso().installed()) {
                aso(targets, id, blockers, asoReported);
            }
        }
        for (List<ResourceSummary> list : List.of(inv.claims(), inv.composites(), inv.managed())) {
            for (ResourceSummary r : list) {
                if (!r.healthy()) {
                    blockers.add(new Blocker("unhealthy", r.ref().display(), r.problem()));
                }
            }
        }
        for (ResourceSummary mr : inv.managed()) {
            if (mr.drifting()) {
                blockers.add(new Blocker("drift", mr.ref().display(), Health.driftText(mr)));
            }
        }
        return new Analysis(OwnershipGraph.build(inv), blockers, kinds, functions, inv.managed().size(), movable,
                AksAnalysis.analyze(inv, catalog));
    }

    /** One blocker per ASO kind the cluster cannot take (CRD missing, or none of the catalog's versions served). */
    private static void aso(List<TargetReadiness> targets, String[] id, List<Blocker> blockers, java.util.Set<String> reported) {
        for (TargetReadiness t : targets) {
            if (t.served() || !reported.add(t.group() + "/" + t.kind())) {
                continue;
            }
            if (!t.installed()) {
                blockers.add(new Blocker("aso-crd-missing", t.kind() + "." + t.group(), "needed for " + id[1]
                        + " (" + id[0] + "); the cluster's ASO has no CRD for it: add " + t.group()
                        + "/* to the operator's crdPattern"));
            } else {
                blockers.add(new Blocker("aso-version-not-served", t.kind() + "." + t.group(), "needed for " + id[1]
                        + " (" + id[0] + "); the catalog writes " + String.join(" or ", t.catalogVersions())
                        + ", the cluster serves " + String.join(", ", t.clusterVersions())));
            }
        }
    }

    private static List<PackageSummary> concat(List<PackageSummary> a, List<PackageSummary> b) {
        List<PackageSummary> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String problem(PackageSummary p) {
        for (ConditionSummary c : p.conditions()) {
            if (!c.isTrue()) {
                String s = c.type() + "=" + c.status() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")");
                return c.message().isEmpty() ? s : s + ": " + c.message();
            }
        }
        return "not Healthy and Installed";
    }

    private static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
