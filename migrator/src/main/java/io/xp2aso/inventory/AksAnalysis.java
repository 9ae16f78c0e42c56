package io.xp2aso.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether each AKS cluster MR can move to Cluster API (CAPZ), judged as {@code migrate --aks-target capz} and the
 * CAPZ handoff judge it: its kinds mapped, the cluster and its node pool MRs Ready and Synced, and every pool's node
 * count known or owned by the AKS autoscaler (else Cluster API would default the MachinePool to 1 replica and CAPZ
 * would resize the pool). Everything else that points at the cluster or shares its XR stays plain ASO.
 */
final class AksAnalysis {
    private AksAnalysis() {
    }

    static List<AksReadiness> analyze(Inventory inv, KindSupport catalog) {
        Map<String, ResourceSummary> summaries = new HashMap<>();
        for (ResourceSummary r : inv.managed()) {
            summaries.put(r.ref().key(), r);
        }
        List<AksReadiness> out = new ArrayList<>();
        for (AksFacts c : inv.aks()) {
            if (c.isCluster()) {
                out.add(cluster(c, inv, summaries, catalog));
            }
        }
        out.sort((a, b) -> a.cluster().compareTo(b.cluster()));
        return out;
    }

    private static AksReadiness cluster(AksFacts c, Inventory inv, Map<String, ResourceSummary> summaries,
                                        KindSupport catalog) {
        List<String> reasons = new ArrayList<>();
        List<String> pools = new ArrayList<>();
        TreeSet<String> stays = new TreeSet<>();
        TreeSet<String> handled = new TreeSet<>();
        handled.add(c.ref().key());
        mapped(c.ref(), catalog, reasons);
        healthy(c.ref(), summaries, reasons);
        for (AksFacts.Pool p : c.pools()) {
            pools.add(pool(p, " (default pool)", reasons));
        }
        for (AksFacts f : inv.aks()) {
            if (f == c || !pointsAt(f, c)) {
                continue;
            }
            handled.add(f.ref().key());
            if (f.isNodePool()) {
                mapped(f.ref(), catalog, reasons);
                healthy(f.ref(), summaries, reasons);
                for (AksFacts.Pool p : f.pools()) {
                    pools.add(pool(p, " (" + f.ref().display() + ")", reasons));
                }
            } else {
                stays.add(f.ref().display() + (catalog.hasMapping(f.ref().apiVersion(), f.ref().kind()) ? ""
                        : " (no ASO mapping: it keeps its unit on Crossplane)"));
            }
        }
        if (!c.compositeLabel().isEmpty()) {
            for (ResourceSummary r : inv.managed()) {
                if (c.compositeLabel().equals(r.compositeLabel()) && !handled.contains(r.ref().key())) {
                    stays.add(r.ref().display() + (catalog.hasMapping(r.ref().apiVersion(), r.ref().kind()) ? ""
                            : " (no ASO mapping: it keeps its unit on Crossplane)"));
                }
            }
        }
        return new AksReadiness(c.ref(), c.azureId(), reasons.isEmpty(), reasons, pools, new ArrayList<>(stays));
    }

    /** A node pool or other MR of the cluster: its ARM ID in the MR's parameters, or a reference to the cluster MR. */
    private static boolean pointsAt(AksFacts f, AksFacts cluster) {
        String id = AksFacts.clusterId(cluster.azureId());
        return !id.isEmpty() && f.clusterIds().contains(id)
                || f.ref().namespace().equals(cluster.ref().namespace()) && f.clusterRefs().contains(cluster.ref().name());
    }

    private static String pool(AksFacts.Pool p, String what, List<String> reasons) {
        String name = p.name().isEmpty() ? "(unnamed)" : p.name();
        if (p.autoscaled()) {
            return name + what + ": replicas managed by the AKS autoscaler" + (p.nodeCount() == null ? ""
                    : ", " + p.nodeCount() + " nodes now");
        }
        if (p.nodeCount() == null) {
            reasons.add("the node count of pool " + name + " is not known (neither observed nor in the spec): Cluster API "
                    + "would default its MachinePool to 1 replica and CAPZ would resize the pool");
            return name + what + ": replicas unknown";
        }
        return name + what + ": " + p.nodeCount() + " replicas";
    }

    private static void mapped(ObjectRef ref, KindSupport catalog, List<String> reasons) {
        if (!catalog.hasMapping(ref.apiVersion(), ref.kind())) {
            reasons.add(ref.display() + ": no ASO mapping for " + ref.kind() + " (" + ref.apiVersion() + ")");
        }
    }

    private static void healthy(ObjectRef ref, Map<String, ResourceSummary> summaries, List<String> reasons) {
        ResourceSummary s = summaries.get(ref.key());
        if (s != null && !s.healthy()) {
            reasons.add(ref.display() + " is not Ready and Synced: " + s.problem());
        }
    }
}
