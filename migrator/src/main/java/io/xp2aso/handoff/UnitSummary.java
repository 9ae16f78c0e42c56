package io.xp2aso.handoff;

import java.util.List;

/** A unit's row in the plan's index (plan.md's table, handoff.sh's unit list): small enough to keep for every unit. */
public record UnitSummary(String id, ObjectRef claim, ObjectRef composite, int resources, int aso, GitOps gitops,
                          List<String> blockers) {
    public UnitSummary {
        blockers = List.copyOf(blockers);
    }

    public static UnitSummary of(UnitPlan u) {
        return new UnitSummary(u.id(), u.claim(), u.composite(), u.resources().size(), u.aso().size(), u.gitops(),
                u.blockers());
    }

    public boolean blocked() {
        return !blockers.isEmpty();
    }
}
