package io.xp2aso.migrate;

import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanFiles;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.handoff.UnitSummary;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.model.Finding;
import io.xp2aso.report.OutputSink;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Adds the ownership-handoff plan to migrate's output: handoff/plan.json, plan.md (the index), steps.md, handoff.sh
 * and a page per unit (handoff/units/). Two passes over the units: their summaries (for the index and the blocker
 * findings), then each unit's full plan, streamed into plan.json and its page and dropped, so memory does not grow with the size of the plan. A unit's plan
 * depends on that unit alone, so batches of units are rendered on every core, the next while the previous one is
 * appended, in unit order: the output is the same as a sequential run.
 */
public final class HandoffPlanOutput implements OutputProducer {
    /** Units per batch: enough to keep the cores busy, few enough that two batches of texts stay small. */
    private static final int BATCH = 256;

    @Override
    public List<Finding> produce(Context context, OutputSink out) {
        PlanOptions options = PlanOptions.defaults().withObserved(context.options().observed())
                .withRenderedYaml(context.targetYaml());
        List<MappedUnit> units = context.mapped().units();
        List<UnitSummary> index = IntStream.range(0, units.size()).parallel()
                .mapToObj(i -> PlanBuilder.summary(units.get(i), options)).toList();
        List<Finding> findings = new ArrayList<>();
        for (UnitSummary u : index) {
            if (u.blocked()) {
                findings.add(Finding.warning("handoff-unit-blocked", "the handoff of " + u.id() + " is blocked until "
                        + "resolved: " + String.join("; ", u.reasons()), new Origin("handoff/plan.md", 0), u.id()));
            }
        }
        context.options().progress().accept("writing the handoff plan of " + units.size() + " units");
        Plan header = PlanBuilder.header(options);
        // The manifests migrate wrote into aso/ are named by file in plan.json, not copied into it.
        try (PlanFiles files = new PlanFiles(header, index, p -> out.openStream("handoff/" + p), context.targetPaths()::get)) {
            files.addAll(i -> PlanBuilder.unit(units.get(i), options), BATCH);
        }
        return findings;
    }
}
