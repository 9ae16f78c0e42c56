package io.xp2aso.handoff;

import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.PipelineEstates;
import io.xp2aso.handoff.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resource shared by two units, with plans the real pipeline builds from handoff/shared: unit team/hub owns a
 * resource group (its MR), and unit team/app's storage account lives in it (its MR names the group by
 * resourceGroupName; its ASO StorageAccount's owner is the hub's ASO ResourceGroup). The group is handed over once,
 * by the hub, and never deleted, in either order the operator tries the units.
 */
class HandoffSharedTest {
    static final String HUB = "team/hub";
    static final String APP = "team/app";
    static final String RG = World.SUB + "/resourceGroups/hub-rg";

    @TempDir
    Path dir;

    static PipelineEstates.Built built() throws URISyntaxException {
        return PipelineEstates.build(Path.of(HandoffSharedTest.class.getResource("/handoff/shared/sources.yaml").toURI()),
                Path.of(HandoffSharedTest.class.getResource("/handoff/shared/observed.yaml").toURI()));
    }

    Harness harness() throws Exception {
        PipelineEstates.Built b = built();
        World w = new World();
        PipelineEstates.install(w, b);
        return new Harness(dir, w, b.plan());
    }

    /** Runs one unit until done, approving what it stopped on (the takeover preview), as an operator would. */
    static int runUnit(Harness h, String unit) {
        Set<String> approve = Set.of();
        for (int i = 1; i <= 12; i++) {
            if (h.run(new RunOptions(true, true, unit, false, approve, Set.of(), Harness.SETTLE), ExecutorHooks.NONE) == 0) {
                return i;
            }
            approve = Set.of(unit);
            h.world.rounds(3);
        }
        return -1;
    }

    @Test
    void theSharedGroupIsInOnePlanOnly() throws Exception {
        PipelineEstates.Built b = built();
        UnitPlan hub = b.plan().unit(HUB).orElseThrow();
        UnitPlan app = b.plan().unit(APP).orElseThrow();
        assertEquals(List.of("ResourceGroup/team/hub-rg"), hub.aso().stream().map(t -> t.ref().display()).toList());
        assertEquals(List.of("StorageAccount/team/app-account"), app.aso().stream().map(t -> t.ref().display()).toList());
        assertEquals("hub-rg", app.aso().get(0).manifest().path("spec").path("owner").path("name").asText());
        assertEquals(List.of(), hub.blockers());
        assertEquals(List.of(), app.blockers());
    }

    @Test
    void hubThenApp() throws Exception {
        Harness h = harness();
        try (h.world) {
            assertTrue(runUnit(h, HUB) > 0, h.transcript.toString());
            assertTrue(runUnit(h, APP) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations(), h.transcript.toString());
            assertTrue(h.world.azure.get(RG).isPresent());
            assertEquals(1, switchedToManage(h.transcript.toString(), "ResourceGroup/team/hub-rg"), h.transcript.toString());
        }
    }

    /**
     * The app first: its StorageAccount's owner (the hub's ResourceGroup) is not in the cluster yet, so ASO could not
     * adopt the account; preflight says to hand over the hub first, before anything changes. Then both go through.
     */
    @Test
    void appFirstIsStoppedInPreflightUntilTheHubsGroupIsThere() throws Exception {
        Harness h = harness();
        try (h.world) {
            assertEquals(1, h.run(new RunOptions(true, false, APP, false, Set.of(), Set.of(), Harness.SETTLE),
                    ExecutorHooks.NONE));
            String t = h.transcript.toString();
            assertTrue(t.contains("StorageAccount/team/app-account: its owner hub-rg is ResourceGroup/team/hub-rg of unit "
                    + "team/hub, which is not in the cluster yet: hand over team/hub first"), t);
            assertFalse(h.store.started(), "nothing changed");
            assertTrue(runUnit(h, HUB) > 0, h.transcript.toString());
            assertTrue(runUnit(h, APP) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations(), h.transcript.toString());
            assertEquals(1, switchedToManage(h.transcript.toString(), "ResourceGroup/team/hub-rg"), h.transcript.toString());
        }
    }

    private static long switchedToManage(String transcript, String object) {
        return transcript.lines().filter(l -> l.trim().equals(object + ": reconcile-policy manage (read back)")).count();
    }
}
