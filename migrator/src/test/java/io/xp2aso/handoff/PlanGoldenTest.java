package io.xp2aso.handoff;

import io.xp2aso.handoff.world.Estates;
import io.xp2aso.mapping.MappingResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * plan.json, plan.md and handoff.sh of the three fixture units, compared byte for byte with
 * src/test/resources/handoff/golden/ (regenerate with -Dgolden.update=true, then review the diff).
 */
class PlanGoldenTest {
    static Plan fixturePlan() {
        return PlanBuilder.build(new MappingResult(List.of(Estates.load("storage.yaml").mapped(),
                Estates.load("postgres.yaml").mapped(), Estates.load("network.yaml").mapped()), List.of()),
                PlanOptions.defaults());
    }

    /**
     * The ASO tree's YAML of each mapped object, as migrate hands it to the plan: the plan reuses it for the objects
     * it applies as they are (all of them here), and the files stay the same as the goldens.
     */
    @Test
    void reusedYamlGivesTheSameFiles() throws IOException, com.fasterxml.jackson.core.JsonProcessingException {
        List<io.xp2aso.mapping.MappedUnit> units = List.of(Estates.load("storage.yaml").mapped(),
                Estates.load("postgres.yaml").mapped(), Estates.load("network.yaml").mapped());
        java.util.Map<com.fasterxml.jackson.databind.node.ObjectNode, String> yaml = new java.util.IdentityHashMap<>();
        for (var u : units) {
            for (var r : u.resources()) {
                for (var t : r.targets()) {
                    // as the map stage makes them, so that the plan applies them as they are
                    t.with("metadata").with("annotations").put(Keys.RECONCILE_POLICY, Keys.POLICY_SKIP);
                    yaml.put(t, io.xp2aso.source.YamlText.write(t));
                }
            }
        }
        Plan reused = PlanBuilder.build(new MappingResult(units, List.of()), PlanOptions.defaults().withRenderedYaml(yaml));
        golden("plan.json", PlanJson.write(reused));
        golden("plan.md", PlanMarkdown.write(reused));
        golden("handoff.sh", HandoffScript.write(reused));

        // A text given for the very object applied is what the apply command holds (the plan does not render it).
        var first = units.get(0).resources().get(0).targets().get(0);
        yaml.put(first, yaml.get(first).replace("metadata:", "metadata: # from the ASO tree"));
        String md = PlanJson.write(PlanBuilder.build(new MappingResult(units, List.of()),
                PlanOptions.defaults().withRenderedYaml(yaml)));
        assertTrue(md.contains("metadata: # from the ASO tree"), "the given YAML is used");
    }

    @Test
    void planJson() throws IOException {
        golden("plan.json", PlanJson.write(fixturePlan()));
    }

    @Test
    void planMarkdown() throws IOException {
        golden("plan.md", PlanMarkdown.write(fixturePlan()));
    }

    @Test
    void handoffScript() throws IOException {
        golden("handoff.sh", HandoffScript.write(fixturePlan()));
    }

    /** The script must at least parse: bash -n (skipped where bash is absent). */
    @Test
    void scriptParses(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash to check the script with");
        Path sh = dir.resolve("handoff.sh");
        Files.writeString(sh, HandoffScript.write(fixturePlan()));
        Process p = new ProcessBuilder("/bin/bash", "-n", sh.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void secretValuesNeverAppear() {
        Plan p = fixturePlan();
        String all = PlanJson.write(p) + PlanMarkdown.write(p);
        // the fixture's Secret value (base64 and plain) must not leak; its name and key must be there
        assertTrue(!all.contains("bm90LWEtcmVhbC1wYXNzd29yZA==") && !all.contains("not-a-real-password"));
        assertTrue(all.contains("copy_secret_key crossplane-system orders-pg-admin password team-b orders-pg-admin password"));
    }

    @Test
    void roundTripsThroughJson() {
        Plan p = fixturePlan();
        String json = PlanJson.write(p);
        assertEquals(json, PlanJson.write(PlanJson.parse("plan.json", json)));
    }

    static void golden(String name, String actual) throws IOException {
        Path file = Estates.fixture("storage.yaml").getParent().resolve("golden").resolve(name);
        Path source = Path.of("src/test/resources/handoff/golden").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(source.getParent());
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "golden file missing: " + source + " (run with -Dgolden.update=true)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name + " differs from " + source);
    }
}
