package io.xp2aso.migrate;

import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanFiles;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.handoff.UnitSummary;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.model.Finding;
import io.xp2aso.report.OutputSink;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds the ownership-handoff plan to migrate's output: handoff/plan.json, plan.md and handoff.sh. Two passes over
 * the units: the outlines (for the index plan.md opens with, and the blocker findings), then each unit's full plan,
 * streamed into the three files and dropped, so memory does not grow with the size of the plan.
 */
public final class HandoffPlanOutput implements OutputProducer {
    @Override
    public List<Finding> produce(Context context, OutputSink out) {
        PlanOptions options = PlanOptions.defaults().withObserved(context.options().observed());
        List<MappedUnit> units = context.mapped().units();
        List<UnitSummary> index = new ArrayList<>(units.size());
        List<Finding> findings = new ArrayList<>();
        for (MappedUnit mu : units) {
            UnitPlan outline = PlanBuilder.outline(mu, options);
            index.add(UnitSummary.of(outline));
            if (!outline.blockers().isEmpty()) {
                findings.add(Finding.warning("handoff-unit-blocked", "the handoff of " + outline.id() + " is blocked until "
                        + "resolved: " + String.join("; ", outline.blockers()), new Origin("handoff/plan.md", 0), outline.id()));
            }
        }
        context.options().progress().accept("writing the handoff plan of " + units.size() + " units");
        Plan header = PlanBuilder.header(options);
        try (PlanFiles files = new PlanFiles(header, index, out.open("handoff/plan.json"), out.open("handoff/plan.md"),
                out.open("handoff/handoff.sh"))) {
            for (MappedUnit mu : units) {
                files.add(PlanBuilder.unit(mu, options));
            }
        }
        return findings;
    }
}
