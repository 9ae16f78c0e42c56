package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A takeover preview that is not empty stops the unit until --approve, for exactly what was shown. */
class HandoffApprovalTest {
    @TempDir
    Path dir;

    private Harness drifted() {
        // the mapper generated a different SKU than Azure has: ASO's first PUT would change it
        return new Harness(dir, PlanOptions.defaults(), u -> u.aso().get(1).with("spec").with("sku").put("name", "Standard_GRS"),
                "storage.yaml");
    }

    @Test
    void stopsForApprovalThenHandsOver() {
        Harness h = drifted();
        try (h.world) {
            assertEquals(1, h.run(Harness.execute(), ExecutorHooks.NONE));
            String out = h.transcript.toString();
            assertTrue(out.contains("STOPPED for approval: the takeover preview is not empty"), out);
            assertTrue(out.contains("StorageAccount/team-a/stassets01: change sku.name: live \"Standard_LRS\", the PUT sends \"Standard_GRS\""), out);
            // approval without having seen it in a run of this unit is not taken from the future: it applies to what was shown
            assertEquals(0, h.run(new RunOptions(true, true, "", false, Set.of("team-a/assets")), ExecutorHooks.NONE),
                    h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
            assertEquals("Standard_GRS", h.world.azure.all().values().stream()
                    .filter(p -> p.has("sku")).findFirst().orElseThrow().path("sku").path("name").asText());
        }
    }

    @Test
    void aChangedPreviewNeedsApprovalAgain() {
        Harness h = drifted();
        try (h.world) {
            assertEquals(1, h.run(Harness.execute(), ExecutorHooks.NONE));
            // Azure changes after the preview was shown (the Crossplane MR is observe-only by now)
            String id = h.plan.units().get(0).aso().get(1).azureId();
            var props = h.world.azure.get(id).orElseThrow();
            props.put("kind", "BlobStorage");
            h.world.azure.seed(id, props);
            h.world.rounds(2);
            assertEquals(1, h.run(new RunOptions(true, true, "", false, Set.of("team-a/assets")), ExecutorHooks.NONE));
            assertTrue(h.transcript.toString().contains("changed since it was shown"), h.transcript.toString());
            assertEquals(0, h.run(new RunOptions(true, true, "", false, Set.of("team-a/assets")), ExecutorHooks.NONE),
                    h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
        }
    }

    @Test
    void approvalGivenBeforeAnythingWasShownDoesNotCount() {
        Harness h = drifted();
        try (h.world) {
            assertEquals(1, h.run(new RunOptions(true, true, "", false, Set.of("team-a/assets")), ExecutorHooks.NONE));
            assertTrue(h.transcript.toString().contains("--approve applies only to what a previous run showed"),
                    h.transcript.toString());
        }
    }
}
