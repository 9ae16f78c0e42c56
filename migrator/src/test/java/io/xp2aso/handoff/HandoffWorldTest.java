package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffWorldTest {
    @TempDir
    Path dir;

    @Test
    void handsOverThreeUnitsWithoutTouchingAzure() {
        Harness h = new Harness(dir, "storage.yaml", "postgres.yaml", "network.yaml");
        try (h.world) {
            int runs = h.runToEnd(ExecutorHooks.NONE, 10);

            assertTrue(runs > 0, "did not finish");
            assertEquals(java.util.List.of(), h.endStateViolations());
        }
    }
}
