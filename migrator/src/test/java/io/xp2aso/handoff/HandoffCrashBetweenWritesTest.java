package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.PipelineEstates;
import io.xp2aso.handoff.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue #13, "crashes between two object writes inside a step", for the steps and worlds HandoffScenariosTest's
 * storage and network runs do not reach: the PostgreSQL unit (apply-aso copies the admin Secret before the server's
 * objects), the nested-XR tree (pause and retire walk the nested XR), and rollback (unmanage, restore policies,
 * unpause). Each clean run's writes are tagged with the step that made them; the executor is killed right after every
 * write that another write of the same step follows, then resumed to the end.
 */
class HandoffCrashBetweenWritesTest {
    @TempDir
    Path dir;

    private int dirs;
    private int scenarios;
    private final List<String> violations = new ArrayList<>();

    private Path fresh() throws IOException {
        return Files.createDirectory(dir.resolve("s" + dirs++));
    }

    /** The executor's writes, each with the step (and direction) that made it. */
    record Tagged(String step, String write) {
    }

    /** Tags every write with the step running when it was made. */
    static final class StepTagger implements ExecutorHooks {
        private final World world;
        private final List<Tagged> tagged = new ArrayList<>();
        private String step = "";
        private int seen;

        StepTagger(World world) {
            this.world = world;
        }

        @Override
        public void before(String unit, String s, boolean rollback) {
            flush();
            step = (rollback ? "rollback " : "") + s;
        }

        List<Tagged> writes() {
            flush();
            return tagged;
        }

        private void flush() {
            List<String> w = world.writeHooks.writes();
            for (int i = seen; i < w.size(); i++) {
                tagged.add(new Tagged(step, w.get(i)));
            }
            seen = w.size();
        }
    }

    /** 1-based numbers of the writes another write of the same step follows: the points inside a step. */
    static List<Integer> inside(List<Tagged> writes, int from) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i + 1 < writes.size(); i++) {
            if (writes.get(i).step().equals(writes.get(i + 1).step())) {
                out.add(i + 1);
            }
        }
        return out;
    }

    static Set<String> stepsWithSeveralWrites(List<Tagged> writes, int from) {
        Set<String> out = new TreeSet<>();
        inside(writes, from).forEach(n -> out.add(writes.get(n - 1).step()));
        return out;
    }

    static PipelineEstates.Built tree() throws Exception {
        return PipelineEstates.build(Path.of(HandoffCrashBetweenWritesTest.class.getResource("/compose/tree/sources.yaml").toURI()),
                Path.of(HandoffCrashBetweenWritesTest.class.getResource("/compose/tree/observed.yaml").toURI()));
    }

    /** The nested-XR tree unit alone, planned by the real pipeline, in a world holding the whole snapshot. */
    private Harness treeWorld(Path d) {
        try {
            PipelineEstates.Built b = tree();
            World w = new World();
            PipelineEstates.install(w, b);
            UnitPlan u = b.plan().unit("team/tree").orElseThrow();
            return new Harness(d, w, new Plan(b.plan().schemaVersion(), b.plan().asoNamespace(), b.plan().timeoutSeconds(),
                    b.plan().pollSeconds(), List.of(u)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killedBetweenTwoWritesOfEveryStepThenResumed() throws IOException {
        List<Function<Path, Harness>> worlds = List.of(d -> new Harness(d, "postgres.yaml"), this::treeWorld);
        Set<String> covered = new TreeSet<>();
        int fired = 0;
        int points = 0;
        for (Function<Path, Harness> world : worlds) {
            List<Tagged> writes;
            Harness probe = world.apply(fresh());
            try (probe.world) {
                StepTagger tagger = new StepTagger(probe.world);
                assertTrue(probe.runToEnd(tagger, 15) > 0, probe.transcript.toString());
                writes = tagger.writes();
            }
            covered.addAll(stepsWithSeveralWrites(writes, 0));
            for (int n : inside(writes, 0)) {
                points++;
                Harness h = world.apply(fresh());
                try (h.world) {
                    scenarios++;
                    h.world.writeHooks.crashAfterWrite(n);
                    String name = "crash after write " + n + " (" + writes.get(n - 1) + ")";
                    if (h.runToEnd(ExecutorHooks.NONE, 15) < 0) {
                        violations.add(name + ": did not finish\n" + h.transcript);
                    }
                    h.endStateViolations().forEach(v -> violations.add(name + ": " + v));
                    fired += h.transcript.indexOf("CRASH after write " + n + " (") >= 0 ? 1 : 0;
                }
            }
        }
        System.out.println("handoff scenarios: " + scenarios + ", violations: " + violations.size()
                + " (crashes inside steps " + covered + ")");
        assertEquals(List.of(), violations);
        assertEquals(points, fired, "every point was reached");
        assertTrue(covered.containsAll(Set.of("pause", "orphan", "apply-aso", "manage", "retire")), covered.toString());
    }

    private static RunOptions rollback() {
        return new RunOptions(true, false, "", true, Set.of());
    }

    /** Forward to the end of manage (ASO writes, Crossplane observe-only), then killed: what rollback starts from. */
    private static void forwardThroughManage(Harness h) {
        for (int i = 0; i < 12; i++) {
            try {
                int code = h.run(new RunOptions(true, true, "", false, Set.of(h.plan.units().get(0).id())),
                        HandoffRollbackTest.crashAfter("manage"));
                assertTrue(code != 0, "stopped before the end: " + h.transcript);
            } catch (Harness.Crash expected) {
                return;
            }
            h.world.rounds(3);
        }
        throw new AssertionError("manage never reached: " + h.transcript);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void rollbackKilledBetweenTwoOfItsWritesThenResumed() throws IOException {
        int forward;
        List<Tagged> writes;
        Harness probe = new Harness(fresh(), "postgres.yaml");
        try (probe.world) {
            StepTagger tagger = new StepTagger(probe.world);
            forwardThroughManage(probe);
            forward = probe.world.writeHooks.writes().size();
            probe.world.rounds(3);
            assertEquals(0, probe.run(rollback(), tagger), probe.transcript.toString());
            writes = tagger.writes();
        }
        int from = (int) writes.stream().takeWhile(t -> !t.step().startsWith("rollback ")).count();
        assertEquals(forward, from, "the probe tagged every forward write");
        Set<String> covered = stepsWithSeveralWrites(writes, from);
        List<Integer> points = inside(writes, from);
        int fired = 0;
        for (int n : points) {
            Harness h = new Harness(fresh(), "postgres.yaml");
            try (h.world) {
                scenarios++;
                forwardThroughManage(h);
                h.world.writeHooks.crashAfterWrite(n);
                h.world.rounds(3);
                String name = "rollback, crash after write " + n + " (" + writes.get(n - 1) + ")";
                try {
                    h.run(rollback(), ExecutorHooks.NONE);
                    violations.add(name + ": the kill did not happen");
                } catch (Harness.Crash expected) {
                    fired++;
                }
                h.world.rounds(3);
                if (h.run(rollback(), ExecutorHooks.NONE) != 0) {
                    violations.add(name + ": the resumed rollback did not finish\n" + h.transcript);
                }
                h.world.rounds(3);
                violations.addAll(rolledBack(h).stream().map(v -> name + ": " + v).toList());
            }
        }
        System.out.println("handoff scenarios: " + scenarios + ", violations: " + violations.size()
                + " (rollback killed inside steps " + covered + ")");
        assertEquals(List.of(), violations);
        assertEquals(points.size(), fired, "every point was reached");
        assertFalse(covered.isEmpty());
        assertTrue(points.size() >= 5, "rollback writes several objects per step: " + writes.subList(from, writes.size()));
    }

    /** As HandoffRollbackTest checks it: ASO objects gone, MRs' policies and the claim as before, nothing in Azure. */
    private static List<String> rolledBack(Harness h) {
        List<String> out = new ArrayList<>(h.world.violations());
        for (UnitPlan u : h.plan.units()) {
            for (AsoTarget t : u.aso()) {
                if (h.world.get(t.ref()).isPresent()) {
                    out.add(t.ref().display() + " still exists");
                }
            }
            for (ManagedHandoff mr : u.resources()) {
                JsonNode live = h.world.get(mr.ref()).orElseThrow();
                if (!mr.deletionPolicy().equals(live.path("spec").path("deletionPolicy").asText("Delete"))) {
                    out.add(mr.ref().display() + ": deletionPolicy " + live.path("spec").path("deletionPolicy"));
                }
                List<String> policies = new ArrayList<>();
                live.path("spec").path("managementPolicies").forEach(p -> policies.add(p.asText()));
                if (!mr.managementPolicies().equals(policies.isEmpty() ? List.of("*") : policies)) {
                    out.add(mr.ref().display() + ": managementPolicies " + policies);
                }
            }
            if (h.world.get(u.claim()).orElseThrow().path("metadata").path("annotations").has(Keys.PAUSED)) {
                out.add(u.claim().display() + " still paused");
            }
        }
        if (!h.store.load().units.isEmpty()) {
            out.add("the state is not cleared");
        }
        return out;
    }
}
