package io.xp2aso.handoff.exec;

import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.Step;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * {@code handoff PLAN --offline}: what would run, from the plan (and the saved progress, when there is one) alone,
 * without a cluster. Nothing is checked live: preflight's checks are listed as what a run would verify.
 */
public final class OfflineReview {
    private OfflineReview() {
    }

    /** Prints the review; 0 when no selected unit is blocked by the plan itself, else 1. */
    public static int print(Plan plan, String only, StateStore store, PrintWriter out) {
        List<UnitPlan> units = plan.units().stream().filter(u -> only.isEmpty() || u.id().equals(only)).toList();
        if (!only.isEmpty() && units.isEmpty()) {
            throw new InputException(new Origin("--only", 0), "no unit " + only + " in the plan");
        }
        ExecutionState state = store.exists() ? store.load() : new ExecutionState();
        out.println("offline (no cluster is contacted; a run checks all of this live): " + units.size()
                + (units.size() == 1 ? " unit" : " units") + (store.exists() ? ", progress from " + store.file() : ""));
        int code = 0;
        for (UnitPlan u : units) {
            ExecutionState.UnitState us = state.units.get(u.id());
            List<String> done = us == null ? List.of() : us.done;
            // Writers acknowledged in an earlier run count as acknowledged, as they do when the run resumes.
            Set<String> acked = us == null ? Set.of() : Set.copyOf(us.ackManagers);
            boolean blocked = u.blockedWith(acked);
            out.println("unit " + u.id() + ": " + (blocked ? "BLOCKED" : "ready") + ", " + done.size()
                    + "/" + u.steps().size() + " steps done");
            u.blockers().forEach(b -> out.println("    blocked: " + b));
            u.unknownManagers().stream().filter(m -> !acked.contains(m.manager()))
                    .forEach(m -> out.println("    blocked until acknowledged: " + m.describe()));
            if (blocked) {
                code = 1;
            }
            int i = 1;
            for (Step s : u.steps()) {
                out.println("  [" + i++ + "/" + u.steps().size() + " " + s.id() + "] " + s.title()
                        + (done.contains(s.id()) ? " (done)" : "") + (s.gate().isEmpty() ? "" : " (may stop for: " + s.gate() + ")"));
                s.checks().forEach(c -> out.println("    would ensure: " + c));
            }
        }
        out.flush();
        return code;
    }
}
