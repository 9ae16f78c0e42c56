package io.xp2aso.handoff;

import java.util.List;

/** A unit's row in the plan's index (plan.md's table, handoff.sh's unit list): small enough to keep for every unit. */
public record UnitSummary(String id, ObjectRef claim, ObjectRef composite, int resources, int aso, GitOps gitops,
                          List<String> blockers, List<UnknownManager> unknownManagers, boolean capz) {
    public UnitSummary {
        blockers = List.copyOf(blockers);
        unknownManagers = List.copyOf(unknownManagers);
    }

    public static UnitSummary of(UnitPlan u) {
        return new UnitSummary(u.id(), u.claim(), u.composite(), u.resources().size(), u.aso().size(), u.gitops(),
                u.blockers(), u.unknownManagers(), !u.capi().isEmpty());
    }

    /** Blocked until resolved: a blocker, or a writer xp2aso does not know that nobody acknowledged yet. */
    public boolean blocked() {
        return !blockers.isEmpty() || !unknownManagers.isEmpty();
    }

    /** Everything that blocks it, as plan.md and the report say it. */
    public List<String> reasons() {
        List<String> out = new java.util.ArrayList<>(blockers);
        unknownManagers.forEach(m -> out.add("unit: " + m.describe()));
        return out;
    }
}
