package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffRollbackTest {
    @TempDir
    Path dir;

    static ExecutorHooks crashAfter(String step) {
        return new ExecutorHooks() {
            @Override
            public void after(String unit, String s, boolean rollback) {
                if (!rollback && s.equals(step)) {
                    throw new Harness.Crash("after " + s);
                }
            }
        };
    }

    static RunOptions rollback(boolean execute) {
        return new RunOptions(execute, false, "", true, Set.of());
    }

    /** Killed right after switching to manage (not yet recorded): rollback must undo that step too. */
    @Test
    void rollsBackAPartlyRecordedManageStep() {
        Harness h = new Harness(dir, "storage.yaml", "postgres.yaml");
        try (h.world) {
            try {
                h.run(Harness.execute(), crashAfter("manage"));
            } catch (Harness.Crash expected) {
                // the kill
            }
            h.world.rounds(3);
            int dry = h.run(rollback(false), ExecutorHooks.NONE);
            assertEquals(0, dry);
            assertTrue(h.transcript.toString().contains("[rollback manage]"), h.transcript.toString());
            assertTrue(h.world.get(h.plan.units().get(0).aso().get(0).ref()).isPresent(), "dry run changed nothing");
            assertEquals(0, h.run(rollback(true), ExecutorHooks.NONE), h.transcript.toString());
            h.world.rounds(3);
            for (UnitPlan u : h.plan.units()) {
                for (AsoTarget t : u.aso()) {
                    assertFalse(h.world.get(t.ref()).isPresent(), t.ref() + " removed");
                }
                for (ManagedHandoff mr : u.resources()) {
                    JsonNode live = h.world.get(mr.ref()).orElseThrow();
                    assertEquals(mr.deletionPolicy(), live.path("spec").path("deletionPolicy").asText("Delete"), mr.ref().display());
                    List<String> policies = new java.util.ArrayList<>();
                    live.path("spec").path("managementPolicies").forEach(p -> policies.add(p.asText()));
                    assertEquals(mr.managementPolicies(), policies.isEmpty() ? List.of("*") : policies, mr.ref().display());
                }
                assertFalse(h.world.get(u.claim()).orElseThrow().path("metadata").path("annotations").has(Keys.PAUSED));
            }
            assertFalse(h.world.get(new ObjectRef("v1", "Secret", "team-b", "orders-pg-admin")).isPresent(),
                    "the Secret the handoff created is removed");
            assertEquals(List.of(), h.world.violations());
            assertTrue(h.store.load().units.isEmpty(), "the state is cleared");
            // and the handoff can start again from the beginning
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 5) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
        }
    }

    @Test
    void refusesOnceRetireStarted() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            try {
                h.run(Harness.execute(), new ExecutorHooks() {
                    @Override
                    public void before(String unit, String s, boolean rollback) {
                        if (s.equals("final-verify")) {
                            throw new Harness.Crash("before final-verify");
                        }
                    }
                });
            } catch (Harness.Crash expected) {
                // the kill
            }
            assertEquals(1, h.run(rollback(true), ExecutorHooks.NONE));
            assertTrue(h.transcript.toString().contains("retire has started, so the tool cannot roll back"), h.transcript.toString());
            assertEquals(List.of(), h.world.violations());
        }
    }

    @Test
    void nothingToRollBackBeforeAnyStep() {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            assertEquals(0, h.run(rollback(true), ExecutorHooks.NONE));
            assertTrue(h.transcript.toString().contains("nothing to roll back"));
        }
    }
}
