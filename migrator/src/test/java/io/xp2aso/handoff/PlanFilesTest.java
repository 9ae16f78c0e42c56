package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan written unit by unit, in batches on several threads, is the same as the whole plan written at once. */
class PlanFilesTest {
    /** The files of the handoff folder as PlanFiles writes them, units added by {@code add}. */
    record Written(Map<String, String> files) {
        static Written of(Plan plan, Consumer<PlanFiles> add) {
            Files out = new Files();
            try (PlanFiles files = new PlanFiles(plan, index(plan), out, m -> null)) {
                add.accept(files);
            }
            return new Written(out.texts());
        }

        /** The same files as PlanFiles.write of the whole plan, and plan.json as PlanJson.write writes it. */
        void assertWholePlan(Plan plan) {
            Files whole = new Files();
            PlanFiles.write(plan, whole, m -> null);
            assertEquals(whole.texts(), files);
            assertEquals(PlanJson.write(plan), files.get("plan.json"));
            assertEquals(PlanMarkdown.index(plan), files.get("plan.md"));
            for (UnitPlan u : plan.units()) {
                assertEquals(PlanMarkdown.page(u), files.get(PlanMarkdown.pagePath(u.id())));
            }
        }

        String md() {
            return files.get("plan.md") + files.get("steps.md");
        }
    }

    /** An in-memory handoff folder; a file opened twice is a bug. */
    static final class Files implements PlanFiles.Out {
        private final Map<String, ByteArrayOutputStream> files = new TreeMap<>();

        @Override
        public synchronized OutputStream open(String path) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if (files.putIfAbsent(path, b) != null) {
                throw new IllegalStateException(path + " is written twice");
            }
            return b;
        }

        synchronized Map<String, String> texts() {
            Map<String, String> out = new TreeMap<>();
            files.forEach((p, b) -> out.put(p, b.toString(StandardCharsets.UTF_8)));
            return out;
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
        assertTrue(written.md().contains("—"), "non-ASCII text comes out as UTF-8");
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

    /** One line per unit, the steps of each kind once: every unit line parses alone, and none holds steps. */
    @Test
    void planJsonHasOneLinePerUnitAndNoSteps() throws Exception {
        Plan plan = largerPlan();
        List<String> lines = PlanJson.write(plan).lines().toList();
        List<String> units = lines.stream().filter(l -> l.startsWith("{\"id\":")).toList();
        assertEquals(plan.units().size(), units.size());
        for (String line : units) {
            JsonNode u = Yaml.JSON.readTree(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
            assertTrue(u.has("sequence") && !u.has("steps"), line);
        }
        assertEquals(PlanJson.write(plan), PlanJson.write(PlanJson.parse("plan.json", PlanJson.write(plan))));
    }

    @Test
    void theFirstFailingUnitInPlanOrderIsReported() {
        Plan plan = largerPlan();
        IllegalArgumentException second = new IllegalArgumentException("unit 2");
        IllegalArgumentException third = new IllegalArgumentException("unit 3");
        PlanFiles files = new PlanFiles(plan, index(plan), new Files(), m -> null);
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
        PlanFiles outOfOrder = new PlanFiles(plan, index, new Files(), m -> null);
        assertThrows(IllegalStateException.class, () -> outOfOrder.add(plan.units().get(1)));
        PlanFiles short1 = new PlanFiles(plan, index, new Files(), m -> null);
        short1.add(plan.units().get(0));
        assertThrows(IllegalStateException.class, short1::close);
        assertThrows(IllegalArgumentException.class, () -> short1.addAll(plan.units()::get, 0));
    }
}
