package io.xp2aso.cli;

import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.CapzSchemas;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/aks/capz is the output of README's CAPZ command, byte for byte (an AKS Composition and claim with two node
 * pools -> CAPI Cluster, MachinePools and CAPZ objects embedding the ASO ManagedCluster and agent pools), and every
 * object in it validates against the CAPZ/CAPI and ASO CRDs. After a deliberate change, regenerate and review:
 * {@code mvn -B -o test -Dtest=CapzSampleCliTest -Dxp2aso.updateGolden=true}.
 */
class CapzSampleCliTest {
    static final List<String> COMMAND = List.of("migrate", "samples/aks/crossplane", "--observed",
            "samples/aks/observed.yaml", "--aks-target", "capz");

    @TempDir
    Path tmp;

    @Test
    void theCapzSampleIsTheGoldenOutput() throws Exception {
        Path root = Shared.repoRoot();
        Path golden = root.resolve("samples/aks/capz");
        boolean update = Boolean.getBoolean("xp2aso.updateGolden");
        Path out = update ? golden : tmp.resolve("out");
        MigrateSamplesCliTest.Result r = MigrateSamplesCliTest.run(root, COMMAND, out);
        assertTrue(r.exit() == 0, "exit " + r.exit() + ":\n" + r.stderr());
        Map<String, String> expected = MigrateSamplesCliTest.tree(golden);
        Map<String, String> actual = MigrateSamplesCliTest.tree(out);
        assertEquals(expected.keySet(), actual.keySet(), "files of samples/aks/capz (regenerate with -Dxp2aso.updateGolden=true)");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), "samples/aks/capz/" + e.getKey());
        }
        assertTrue(actual.containsKey("aso/team-c/payments/cluster-payments-cluster.yaml"), actual.keySet().toString());
        // The CAPI objects are applied by the capz-adopt step, not as ASO resources; the unit is not blocked.
        assertTrue(actual.get("handoff/steps.md").contains("### 6. `capz-adopt`"), actual.get("handoff/steps.md"));
        assertTrue(actual.get("handoff/plan.md").contains("| claim-capz |"), actual.get("handoff/plan.md"));
        assertTrue(!actual.get("handoff/units/team-c/payments.md").contains("Cluster API objects (--aks-target capz)"));
        assertTrue(!actual.get("report.md").contains("handoff-unit-blocked"));
    }

    @Test
    void everyObjectOfTheSampleValidates() throws Exception {
        CapzSchemas schemas = new CapzSchemas();
        Map<String, String> files = MigrateSamplesCliTest.tree(Shared.repoRoot().resolve("samples/aks/capz"));
        List<String> problems = new ArrayList<>();
        int objects = 0;
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (!e.getKey().startsWith("aso/") || e.getKey().endsWith("kustomization.yaml")) {
                continue;
            }
            problems.addAll(schemas.validate(e.getKey(), Yaml.YAML.readTree(e.getValue())));
            objects++;
        }
        assertEquals(12, objects);
        assertEquals(List.of(), problems);
    }
}
