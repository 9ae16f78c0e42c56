package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.FaultyDispatcher;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handoff of three units (storage account + container; PostgreSQL with children; a GitOps-tracked v2 network)
 * in the emulated world, with the executor killed before and after every step and resumed, and with 409 and 500
 * answers injected into each of its writes. After every scenario: no DELETE reached Azure, nothing was created,
 * Crossplane and ASO never could both write one resource, and Azure ends as the ASO specs say.
 * Each test runs dozens of worlds: on a 2-core machine shared with other builds that takes more than the default
 * limit of three minutes (junit-platform.properties), so these have ten; a hang still fails them.
 */
class HandoffScenariosTest {
    static final String[] UNITS = {"storage.yaml", "postgres.yaml", "network.yaml"};

    @TempDir
    Path dir;

    private int scenarios;
    private int dirs;
    private final List<String> violations = new ArrayList<>();

    private Path fresh() throws IOException {
        return Files.createDirectory(dir.resolve("s" + dirs++));
    }

    private void scenario(String name, Harness h, ExecutorHooks hooks) {
        try (h.world) {
            scenarios++;
            int runs = h.runToEnd(hooks, 15);
            if (runs < 0) {
                violations.add(name + ": did not finish\n" + h.transcript);
            }
            h.endStateViolations().forEach(v -> violations.add(name + ": " + v));
        }
    }

    /** Aborts the executor the first time it reaches (unit, step, phase). */
    static final class CrashOnce implements ExecutorHooks {
        final String unit;
        final String step;
        final boolean after;
        boolean fired;

        CrashOnce(String unit, String step, boolean after) {
            this.unit = unit;
            this.step = step;
            this.after = after;
        }

        @Override
        public void before(String u, String s, boolean rollback) {
            hit(u, s, !after);
        }

        @Override
        public void after(String u, String s, boolean rollback) {
            hit(u, s, after);
        }

        private void hit(String u, String s, boolean phase) {
            if (phase && !fired && u.equals(unit) && s.equals(step)) {
                fired = true;
                throw new Harness.Crash((after ? "after " : "before ") + u + " " + s);
            }
        }
    }

    /** Each unit in its own world (the three together run in HandoffWorldTest), killed at each of its steps. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void crashBeforeAndAfterEveryStepThenResume() throws IOException {
        List<String[]> points = new ArrayList<>();
        for (String fixture : UNITS) {
            Harness probe = new Harness(fresh(), fixture);
            probe.plan.units().forEach(u -> u.steps().forEach(s -> points.add(new String[]{fixture, u.id(), s.id()})));
            probe.world.close();
        }
        int fired = 0;
        for (String[] p : points) {
            for (boolean after : new boolean[]{false, true}) {
                CrashOnce crash = new CrashOnce(p[1], p[2], after);
                scenario("crash " + (after ? "after " : "before ") + p[1] + " " + p[2], new Harness(fresh(), p[0]), crash);
                fired += crash.fired ? 1 : 0;
            }
        }
        System.out.println("handoff scenarios: " + scenarios + ", violations: " + violations.size());
        assertEquals(List.of(), violations);
        assertEquals(points.size() * 2, fired, "every crash point was reached");
        assertTrue(points.size() >= 30, "steps of three units");
    }

    /**
     * The PostgreSQL unit (the most writes: secret copy, four MRs, four ASO resources): each of the executor's writes
     * answers, in turn, 409 without applying, 500 without applying, or 500 after applying (a lost response).
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void conflictsAndServerErrorsOnEveryWrite() throws IOException {
        String unit = "postgres.yaml";
        int writes = countWrites(unit);
        int injected = 0;
        List<FaultyDispatcher.Fault> kinds = List.of(new FaultyDispatcher.Fault(0, 409, false),
                new FaultyDispatcher.Fault(0, 500, false), new FaultyDispatcher.Fault(0, 500, true));
        for (int n = 1; n <= writes; n++) {
            FaultyDispatcher.Fault k = kinds.get(n % kinds.size());
            FaultyDispatcher.Fault f = new FaultyDispatcher.Fault(n, k.code(), k.afterApplying());
            Harness h = new Harness(fresh(), unit);
            h.world.dispatcher().faults(List.of(f));
            scenario("fault " + f, h, ExecutorHooks.NONE);
            injected += h.world.dispatcher().injected();
        }
        // Errors that outlast the executor's retries stop the unit; the next run resumes it.
        Harness stubborn = new Harness(fresh(), unit);
        List<FaultyDispatcher.Fault> burst = new ArrayList<>();
        for (int n = 10; n < 20; n++) {
            burst.add(new FaultyDispatcher.Fault(n, 500, n % 2 == 0));
        }
        stubborn.world.dispatcher().faults(burst);
        scenario("burst of 500s", stubborn, ExecutorHooks.NONE);
        System.out.println("handoff scenarios: " + scenarios + ", violations: " + violations.size()
                + " (faults injected: " + injected + " over " + writes + " writes)");
        assertEquals(List.of(), violations);
        assertEquals(writes, injected, "every write got its fault");
        assertTrue(writes > 15, "the executor writes more than 15 times (" + writes + ")");
    }

    /**
     * Killed between two object writes inside a step: right after the nth write the server applied, for every n of a
     * clean run (pausing the claim but not yet the XR, orphaning one MR but not the next, deleting the XR but not yet
     * the claim, ...), then resumed. Each write of a step is idempotent, so the half-done step completes on the next run.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void crashBetweenTwoWritesInsideAStepThenResume() throws IOException {
        int fired = 0;
        int points = 0;
        for (String fixture : new String[]{"storage.yaml", "network.yaml"}) {
            int writes = cleanRunWrites(fixture);
            points += writes;
            for (int n = 1; n <= writes; n++) {
                Harness h = new Harness(fresh(), fixture);
                h.world.writeHooks.crashAfterWrite(n);
                scenario("crash after write " + n + " of " + fixture, h, ExecutorHooks.NONE);
                fired += h.transcript.indexOf("CRASH after write " + n + " (") >= 0 ? 1 : 0;
            }
        }
        System.out.println("handoff scenarios: " + scenarios + ", violations: " + violations.size()
                + " (crashes between writes: " + fired + ")");
        assertEquals(List.of(), violations);
        assertEquals(points, fired, "every write was followed by a crash once");
        assertTrue(points > 20, "writes of two units (" + points + ")");
    }

    /**
     * The worlds issue #13 added: a Flux-tracked claim, Argo CD with a custom instance label seen by its field manager,
     * an upjet apply in flight when the handoff starts, and ASO PUTs that take rounds; each killed before and after the
     * steps where they matter, then resumed.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void gitOpsAndAsyncWorldsKilledAndResumed() throws IOException {
        List<java.util.function.Function<Path, Harness>> worlds = List.of(
                d -> new Harness(d, PlanOptions.defaults(), u -> u.claim().node().with("metadata").with("labels")
                        .put(Keys.FLUX_KUSTOMIZE_NAME, "apps").put(Keys.FLUX_KUSTOMIZE_NAMESPACE, "flux-system"), u -> { },
                        "storage.yaml"),
                d -> {
                    Harness h = new Harness(d, PlanOptions.defaults(), u -> u.claim().node().with("metadata")
                            .withArray("managedFields").addObject().put("manager", "argocd-controller")
                            .put("operation", "Apply"), u -> { }, "storage.yaml");
                    h.world.argo.track("team-apps", h.units.get(0).claim().node().deepCopy(), "example.com/app");
                    return h;
                },
                d -> {
                    Harness h = new Harness(d, "storage.yaml");
                    h.world.async.crossplaneRounds = 6;
                    HandoffAsyncTest.startApply(h);
                    return h;
                },
                d -> {
                    Harness h = new Harness(d, "postgres.yaml");
                    h.world.async.asoRounds = 3;
                    return h;
                });
        String[] steps = {"gitops-protect", "orphan", "manage", "gitops-remove-claim", "retire", "final-verify"};
        int fired = 0;
        for (int w = 0; w < worlds.size(); w++) {
            for (String step : steps) {
                for (boolean after : new boolean[]{false, true}) {
                    Harness h = worlds.get(w).apply(fresh());
                    UnitPlan u = h.plan.units().get(0);
                    if (u.steps().stream().noneMatch(s -> s.id().equals(step))) {
                        h.world.close();
                        continue;
                    }
                    CrashOnce crash = new CrashOnce(u.id(), step, after);
                    scenario("world " + w + ": crash " + (after ? "after " : "before ") + step, h, crash);
                    fired += crash.fired ? 1 : 0;
                }
            }
        }
        System.out.println("handoff scenarios: " + scenarios + ", violations: " + violations.size()
                + " (Flux, custom Argo CD label, upjet and ASO operations in flight)");
        assertEquals(List.of(), violations);
        assertEquals(scenarios, fired, "every crash point was reached");
        assertTrue(scenarios >= 30, "scenarios: " + scenarios);
    }

    /** Object writes of a clean run, as the executor issued them (after the server applied each). */
    private int cleanRunWrites(String unit) throws IOException {
        Harness h = new Harness(fresh(), unit);
        try (h.world) {
            h.runToEnd(ExecutorHooks.NONE, 15);
            return h.world.writeHooks.writes().size();
        }
    }

    /** Writes of a clean run, counted by the API server (faults at index n hit the nth write). */
    private int countWrites(String unit) throws IOException {
        Harness h = new Harness(fresh(), unit);
        try (h.world) {
            h.world.dispatcher().faults(List.of(new FaultyDispatcher.Fault(Integer.MAX_VALUE, 500, false)));
            h.runToEnd(ExecutorHooks.NONE, 15);
            return h.world.dispatcher().writes();
        }
    }
}
