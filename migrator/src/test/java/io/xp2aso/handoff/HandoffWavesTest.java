package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.exec.Selection;
import io.xp2aso.handoff.exec.WriteBudget;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waves in the test world (fake time): the three fixture units handed over several at once, killed while several of
 * them are inside a step and resumed, and held by an ARM write budget that runs out mid-wave. Every scenario ends with
 * the same checks as the one-unit scenarios: nothing deleted or created in Azure, never two writers, Azure as the ASO
 * specs say.
 */
class HandoffWavesTest {
    static final String[] UNITS = {"storage.yaml", "postgres.yaml", "network.yaml"};

    @TempDir
    Path dir;
    private int dirs;

    private Path fresh() throws IOException {
        return Files.createDirectory(dir.resolve("w" + dirs++));
    }

    private static RunOptions parallel(RunOptions o, int n, int armPerHour) {
        return o.inWaves(null, n, WriteBudget.API_WRITES_PER_SECOND, armPerHour);
    }

    /** Runs the harness to the end; returns the simulated time it took. */
    private static Duration handOver(Harness h, ExecutorHooks hooks, List<String> violations, String name) {
        Instant start = h.world.now();
        int runs = h.runToEnd(hooks, 20);
        Duration took = Duration.between(start, h.world.now());
        if (runs < 0) {
            violations.add(name + ": did not finish\n" + h.transcript);
        }
        h.endStateViolations().forEach(v -> violations.add(name + ": " + v));
        return took;
    }

    @Test
    void threeUnitsAtOnceFinishSoonerThanOneByOne() throws IOException {
        List<String> violations = new ArrayList<>();
        Duration one;
        Duration three;
        String transcript;
        Harness sequential = new Harness(fresh(), UNITS);
        try (sequential.world) {
            sequential.waves = o -> parallel(o, 1, WriteBudget.ARM_WRITES_PER_HOUR);
            one = handOver(sequential, ExecutorHooks.NONE, violations, "--parallel 1");
        }
        Harness wave = new Harness(fresh(), UNITS);
        try (wave.world) {
            wave.waves = o -> parallel(o, 3, WriteBudget.ARM_WRITES_PER_HOUR);
            three = handOver(wave, ExecutorHooks.NONE, violations, "--parallel 3");
            transcript = wave.transcript.toString();
        }
        assertEquals(List.of(), violations);
        assertTrue(transcript.contains("handoff of 3 units, 3 at a time"), transcript);
        assertTrue(transcript.contains("progress: 3/3 done, 0 running, 0 blocked, 0 waiting"), transcript);
        assertTrue(three.compareTo(one) < 0, "3 at a time took " + three + ", one by one " + one);
        System.out.println("waves: 3 units one by one " + one + ", 3 at a time " + three + " (simulated)");
    }

    /** Kills the executor at the n-th step boundary of the run (before or after a step of any unit), once. */
    static final class CrashAt implements ExecutorHooks {
        final int at;
        int seen;
        boolean fired;
        /** Units inside a step (begun, not ended) when the crash came. */
        final Set<String> inside = new LinkedHashSet<>();
        int insideAtCrash;

        CrashAt(int at) {
            this.at = at;
        }

        @Override
        public void before(String unit, String step, boolean rollback) {
            hit();
            inside.add(unit);
        }

        @Override
        public void after(String unit, String step, boolean rollback) {
            hit();
            inside.remove(unit);
        }

        private void hit() {
            if (!fired && ++seen == at) {
                fired = true;
                // the unit whose hook this is counts too: it is at a step boundary, the others wait inside theirs
                insideAtCrash = inside.size();
                throw new Harness.Crash("at boundary " + at + " with " + inside + " inside a step");
            }
        }
    }

    /** Crashes at every seventh step boundary from the first, then from the fourth: two halves, each in its time limit. */
    @Test
    void crashesWhileSeveralUnitsAreMidStepThenResume() throws IOException {
        crashes(2);
    }

    @Test
    void crashesAtTheOtherBoundariesThenResume() throws IOException {
        crashes(5);
    }

    private void crashes(int first) throws IOException {
        List<String> violations = new ArrayList<>();
        int boundaries;
        Harness probe = new Harness(fresh(), UNITS);
        try (probe.world) {
            boundaries = probe.plan.units().stream().mapToInt(u -> u.steps().size()).sum() * 2;
        }
        int several = 0;
        int scenarios = 0;
        for (int at = first; at <= boundaries; at += 7) {
            Harness h = new Harness(fresh(), UNITS);
            try (h.world) {
                h.waves = o -> parallel(o, 3, WriteBudget.ARM_WRITES_PER_HOUR);
                CrashAt crash = new CrashAt(at);
                handOver(h, crash, violations, "crash at boundary " + at);
                scenarios++;
                if (crash.fired && crash.insideAtCrash >= 2) {
                    several++;
                }
            }
        }
        System.out.println("wave crash scenarios: " + scenarios + ", with several units mid-step: " + several
                + ", violations: " + violations.size());
        assertEquals(List.of(), violations);
        assertTrue(several >= 3, "crashes with two or more units inside a step: " + several);
    }

    @Test
    void anArmBudgetSpentMidWaveHoldsUnitsBackAcrossACrash() throws IOException {
        int budget = 6;
        List<String> violations = new ArrayList<>();
        Harness h = new Harness(fresh(), UNITS);
        String transcript;
        Duration took;
        List<Long> writes;
        java.util.Map<String, Long> managed = new java.util.LinkedHashMap<>();
        try (h.world) {
            h.waves = o -> parallel(o, 3, budget);
            // killed right after the first unit switched to manage: the resumed run must still count those writes
            java.util.Map<String, Integer> writesOf = new java.util.HashMap<>();
            h.plan.units().forEach(u -> writesOf.put(u.id(), (int) u.aso().stream()
                    .filter(t -> !t.policyAfterHandover().equals(Keys.POLICY_SKIP)).count()));
            ExecutorHooks crash = new ExecutorHooks() {
                boolean fired;

                @Override
                public void after(String unit, String step, boolean rollback) {
                    if (step.equals("manage") && !managed.containsKey(unit)) {
                        managed.put(unit, h.world.now().getEpochSecond());
                    }
                    if (!fired && step.equals("manage")) {
                        fired = true;
                        throw new Harness.Crash("after the first manage");
                    }
                }
            };
            took = handOver(h, crash, violations, "budget " + budget + " per hour");
            transcript = h.transcript.toString();
            // the writes each unit's manage made, at the time it switched (its reservation came just before)
            writes = new ArrayList<>();
            for (var e : managed.entrySet()) {
                for (int i = 0; i < writesOf.get(e.getKey()); i++) {
                    writes.add(e.getValue());
                }
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(transcript.contains("waiting for the ARM write budget (" + budget + " writes per hour and subscription)"),
                transcript);
        assertTrue(transcript.contains("CRASH after the first manage"), transcript);
        for (long t : writes) {
            long inHour = writes.stream().filter(x -> x >= t && x < t + 3600).count();
            assertTrue(inHour <= budget, inHour + " ARM writes within an hour from " + t + ": " + writes);
        }
        assertEquals(3, managed.size(), "every unit switched to manage: " + managed);
        assertTrue(writes.size() > budget, "the wave needed more than one hour's budget: " + writes);
        assertTrue(took.compareTo(Duration.ofHours(1)) > 0, "a unit waited for the next hour: " + took);
    }

    @Test
    void aWaveIsTheUnitsItsExpressionSelects() throws IOException {
        List<String> violations = new ArrayList<>();
        Harness h = new Harness(fresh(), UNITS);
        try (h.world) {
            String first = h.plan.units().get(0).id();
            String ns = first.substring(0, first.indexOf('/'));
            h.waves = o -> o.inWaves(Selection.parse(List.of("namespace=" + ns)), 2, WriteBudget.API_WRITES_PER_SECOND,
                    WriteBudget.ARM_WRITES_PER_HOUR);
            int runs = h.runToEnd(ExecutorHooks.NONE, 20);
            assertTrue(runs > 0, h.transcript.toString());
            var state = h.store.load();
            for (UnitPlan u : h.plan.units()) {
                boolean selected = u.id().startsWith(ns + "/");
                var us = state.units.get(u.id());
                assertEquals(selected, us != null && us.done.size() == u.steps().size(), u.id() + " selected: " + selected);
            }
        }
        assertEquals(List.of(), violations);
    }
}
