package io.xp2aso.handoff;

import io.xp2aso.report.AtomicOutput;

/** Writes handoff/plan.json, handoff/plan.md and handoff/handoff.sh into an output folder (the migrate hook). */
public final class PlanFiles {
    private PlanFiles() {
    }

    public static void write(Plan plan, AtomicOutput out) {
        out.write("handoff/plan.json", PlanJson.write(plan));
        out.write("handoff/plan.md", PlanMarkdown.write(plan));
        out.write("handoff/handoff.sh", HandoffScript.write(plan));
        out.resolve("handoff/handoff.sh").toFile().setExecutable(true, false);
    }
}
