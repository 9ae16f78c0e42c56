package io.xp2aso.inventory;

import java.util.List;

/**
 * What the scan concludes: the ownership graph, blockers, and per MR kind whether and how much can move.
 * {@code movable} counts MRs whose kind is mapped and which are healthy and not drifting. {@code aks}: per AKS
 * cluster, whether it can move to Cluster API (CAPZ).
 */
public record Analysis(List<GraphNode> graph, List<Blocker> blockers, List<KindMigratability> kinds,
                       FunctionSupport functions, long managed, long movable, List<AksReadiness> aks) {
    public Analysis {
        aks = List.copyOf(aks);
        graph = List.copyOf(graph);
        blockers = List.copyOf(blockers);
        kinds = List.copyOf(kinds);
    }

    /** movable / managed as a percentage with one decimal, "0.0" for an estate without MRs. */
    public String movablePercent() {
        if (managed == 0) {
            return "0.0";
        }
        return String.format(java.util.Locale.ROOT, "%.1f", 100.0 * movable / managed);
    }
}
