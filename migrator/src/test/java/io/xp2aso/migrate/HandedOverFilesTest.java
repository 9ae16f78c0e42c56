package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.testutil.Kustomize;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #13.10, on the samples' real output built by kustomize: aso/ as generated applies every object with
 * reconcile-policy skip (so applying it before the handoff never makes ASO write); with a unit's handed-over
 * Component enabled, exactly that unit's objects are manage, the state the handoff leaves them in.
 */
class HandedOverFilesTest {
    @TempDir
    Path dir;

    @Test
    void generatedFilesAreSkipAndTheHandedOverComponentMakesOneUnitManage() throws Exception {
        Assumptions.assumeTrue(Kustomize.available(), "kubectl (with its kustomize) is not installed: skipped");
        MigrationRun run = SamplesTest.runSamples();
        Kustomize.write(dir, run.files());
        List<ObjectNode> before = Kustomize.build(dir.resolve("aso"));
        assertFalse(before.isEmpty());
        for (ObjectNode o : before) {
            assertEquals("skip", Kustomize.policy(o), o.path("metadata").toString());
        }
        String unitDir = "aso/team-a/team-a-assets";
        assertTrue(run.files().containsKey(unitDir + "/handed-over/kustomization.yaml"));
        Files.writeString(dir.resolve(unitDir + "/kustomization.yaml"), "components:\n  - handed-over\n",
                StandardOpenOption.APPEND);
        List<ObjectNode> after = Kustomize.build(dir.resolve("aso"));
        assertEquals(before.size(), after.size());
        int manage = 0;
        for (ObjectNode o : after) {
            boolean ofUnit = o.path("metadata").path("annotations").path("xp2aso.io/unit").asText().equals("team-a/team-a-assets");
            assertEquals(ofUnit ? "manage" : "skip", Kustomize.policy(o), o.path("metadata").toString());
            manage += ofUnit ? 1 : 0;
        }
        assertTrue(manage >= 4, "every object of the unit is handed over: " + manage);
    }
}
