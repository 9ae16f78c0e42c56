package io.xp2aso.migrate;

import io.xp2aso.handoff.HandoffScript;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanJson;
import io.xp2aso.handoff.PlanMarkdown;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.model.Finding;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Adds the ownership-handoff plan to migrate's output: handoff/plan.json, plan.md and handoff.sh. */
public final class HandoffPlanOutput implements OutputProducer {
    @Override
    public Contribution produce(Context context) {
        Plan plan = PlanBuilder.build(context.mapped(), PlanOptions.defaults().withObserved(context.options().observed()));
        SortedMap<String, String> files = new TreeMap<>();
        files.put("handoff/plan.json", PlanJson.write(plan));
        files.put("handoff/plan.md", PlanMarkdown.write(plan));
        files.put("handoff/handoff.sh", HandoffScript.write(plan));
        List<Finding> findings = new ArrayList<>();
        for (UnitPlan u : plan.units()) {
            if (!u.blockers().isEmpty()) {
                findings.add(Finding.warning("handoff-unit-blocked", "the handoff of " + u.id() + " is blocked until "
                        + "resolved: " + String.join("; ", u.blockers()), new Origin("handoff/plan.md", 0), u.id()));
            }
        }
        return new Contribution(files, findings);
    }
}
