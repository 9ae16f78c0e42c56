package io.xp2aso.handoff;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plan written unit by unit is the same text as the whole plan's writers produce (checked against goldens). */
class PlanFilesTest {
    @Test
    void streamedPlanEqualsTheWholePlan() {
        Plan plan = PlanGoldenTest.fixturePlan();
        StringWriter json = new StringWriter();
        StringWriter md = new StringWriter();
        StringWriter sh = new StringWriter();
        List<UnitSummary> index = plan.units().stream().map(UnitSummary::of).toList();
        try (PlanFiles files = new PlanFiles(plan, index, json, md, sh)) {
            plan.units().forEach(files::add);
        }
        assertEquals(PlanJson.write(plan), json.toString());
        assertEquals(PlanMarkdown.write(plan), md.toString());
        assertEquals(HandoffScript.write(plan), sh.toString());
    }

    @Test
    void unitsMustComeInIndexOrderAndAllOfThem() {
        Plan plan = PlanGoldenTest.fixturePlan();
        List<UnitSummary> index = plan.units().stream().map(UnitSummary::of).toList();
        PlanFiles outOfOrder = new PlanFiles(plan, index, new StringWriter(), new StringWriter(), new StringWriter());
        assertThrows(IllegalStateException.class, () -> outOfOrder.add(plan.units().get(1)));
        PlanFiles short1 = new PlanFiles(plan, index, new StringWriter(), new StringWriter(), new StringWriter());
        short1.add(plan.units().get(0));
        assertThrows(IllegalStateException.class, short1::close);
    }
}
