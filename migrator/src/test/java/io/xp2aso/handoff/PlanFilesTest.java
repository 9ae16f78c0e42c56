package io.xp2aso.handoff;

import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan written unit by unit is the same text as the whole plan's writers produce (checked against goldens). */
class PlanFilesTest {
    /** The three files as PlanFiles writes them, units added by {@code add}. */
    private record Written(String json, String md, String sh) {
        static Written of(Plan plan, Consumer<PlanFiles> add) {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            ByteArrayOutputStream md = new ByteArrayOutputStream();
            ByteArrayOutputStream sh = new ByteArrayOutputStream();
            try (PlanFiles files = new PlanFiles(plan, index(plan), json, md, sh)) {
                add.accept(files);
            }
            return new Written(json.toString(StandardCharsets.UTF_8), md.toString(StandardCharsets.UTF_8),
                    sh.toString(StandardCharsets.UTF_8));
        }

        void assertWholePlan(Plan plan) {
            assertEquals(PlanJson.write(plan), json);
            assertEquals(PlanMarkdown.write(plan), md);
            assertEquals(HandoffScript.write(plan), sh);
        }
    }

    private static List<UnitSummary> index(Plan plan) {
        return plan.units().stream().map(UnitSummary::of).toList();
    }

    /** The fixture's three units repeated: several batches of several units each, ids kept unique. */
    private static Plan largerPlan() {
        Plan fixture = PlanGoldenTest.fixturePlan();
        List<UnitPlan> units = new ArrayList<>();
        for (int copy = 0; copy < 7; copy++) {
            for (UnitPlan u : fixture.units()) {
                units.add(new UnitPlan(u.id() + "-" + copy, u.claim(), u.composite(), u.nested(), u.gitops(), u.driftAccepted(),
                        u.resources(), u.aso(), u.blockers(), u.steps(), u.connectionSecrets()));
            }
        }
        return new Plan(fixture.schemaVersion(), fixture.asoNamespace(), fixture.timeoutSeconds(), fixture.pollSeconds(),
                units);
    }

    @Test
    void streamedPlanEqualsTheWholePlan() {
        Plan plan = PlanGoldenTest.fixturePlan();
        Written written = Written.of(plan, files -> plan.units().forEach(files::add));
        written.assertWholePlan(plan);
        assertTrue(written.md().contains("—") && written.md().contains("→"), "non-ASCII text comes out as UTF-8");
    }

    @Test
    void unitsRenderedInBatchesEqualTheWholePlan() {
        Plan plan = largerPlan();
        // one unit per batch, batches that do not divide the units, one batch larger than the plan
        for (int batch : new int[] {1, 4, 100}) {
            Written.of(plan, files -> files.addAll(plan.units()::get, batch)).assertWholePlan(plan);
        }
        Plan fixture = PlanGoldenTest.fixturePlan();
        Written.of(fixture, files -> {
            files.add(fixture.units().get(0));
            files.addAll(fixture.units()::get, 1);
        }).assertWholePlan(fixture);
    }

    @Test
    void aPlanWithoutUnitsIsFramedAsTheWholePlan() {
        Plan fixture = PlanGoldenTest.fixturePlan();
        Plan empty = new Plan(fixture.schemaVersion(), fixture.asoNamespace(), fixture.timeoutSeconds(),
                fixture.pollSeconds(), List.of());
        Written.of(empty, files -> files.addAll(empty.units()::get, 4)).assertWholePlan(empty);
    }

    /** Units go in as bytes after the generator's separators: the result is Jackson's own text of the whole plan. */
    @Test
    void planJsonIsJacksonsTextOfThePlan() throws Exception {
        for (Plan plan : List.of(largerPlan(), new Plan(1, "x", 600, 5, List.of()))) {
            assertEquals(Yaml.JSON.writeValueAsString(plan) + "\n", PlanJson.write(plan));
        }
    }

    @Test
    void theFirstFailingUnitInPlanOrderIsReported() {
        Plan plan = largerPlan();
        IllegalArgumentException second = new IllegalArgumentException("unit 2");
        IllegalArgumentException third = new IllegalArgumentException("unit 3");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PlanFiles files = new PlanFiles(plan, index(plan), sink, sink, sink);
        RuntimeException e = assertThrows(RuntimeException.class, () -> files.addAll(i -> {
            if (i == 1) {
                throw second;
            }
            if (i == 2) {
                throw third;
            }
            return plan.units().get(i);
        }, 8));
        assertSame(second, e);
        assertThrows(IllegalStateException.class, files::close, "the plan is incomplete");
    }

    @Test
    void unitsMustComeInIndexOrderAndAllOfThem() {
        Plan plan = PlanGoldenTest.fixturePlan();
        List<UnitSummary> index = index(plan);
        PlanFiles outOfOrder = new PlanFiles(plan, index, new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
        assertThrows(IllegalStateException.class, () -> outOfOrder.add(plan.units().get(1)));
        PlanFiles short1 = new PlanFiles(plan, index, new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
        short1.add(plan.units().get(0));
        assertThrows(IllegalStateException.class, short1::close);
        assertThrows(IllegalArgumentException.class, () -> short1.addAll(plan.units()::get, 0));
    }
}
