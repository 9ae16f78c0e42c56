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
 * The handoff folder of the three fixture units (plan.json, plan.md, steps.md, handoff.sh, the unit pages), compared
 * byte for byte with src/test/resources/handoff/golden/ (regenerate with -Dgolden.update=true, then review the diff).
 */
class PlanGoldenTest {
    static Plan fixturePlan() {
        return PlanBuilder.build(new MappingResult(List.of(Estates.load("storage.yaml").mapped(),
                Estates.load("postgres.yaml").mapped(), Estates.load("network.yaml").mapped()), List.of()),
                PlanOptions.defaults());
    }

    /** Every file of the fixture's handoff folder, as migrate writes it (manifests inline: no aso/ tree here). */
    static java.util.Map<String, String> files(Plan plan) {
        PlanFilesTest.Files out = new PlanFilesTest.Files();
        PlanFiles.write(plan, out, m -> null);
        return out.texts();
    }

    /**
     * The ASO tree's YAML of each mapped object, as migrate hands it to the plan: the apply command of the step
     * reuses it for the objects it applies as they are, and the files stay the same as the goldens.
     */
    @Test
    void reusedYamlGivesTheSameFiles() throws IOException {
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
        golden(files(reused));

        // A text given for the very object applied is what the apply command holds (the plan does not render it).
        var first = units.get(0).resources().get(0).targets().get(0);
        yaml.put(first, yaml.get(first).replace("metadata:", "metadata: # from the ASO tree"));
        List<String> apply = PlanBuilder.build(new MappingResult(units, List.of()),
                PlanOptions.defaults().withRenderedYaml(yaml)).units().get(0).step("apply-aso").commands();
        assertTrue(apply.stream().anyMatch(c -> c.contains("metadata: # from the ASO tree")), "the given YAML is used");
    }

    @Test
    void handoffFolder() throws IOException {
        golden(files(fixturePlan()));
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
        String all = String.join("\n", files(p).values());
        // the fixture's Secret value (base64 and plain) must not leak; its name and key must be there
        assertTrue(!all.contains("bm90LWEtcmVhbC1wYXNzd29yZA==") && !all.contains("not-a-real-password"));
        assertTrue(all.contains("Secret crossplane-system/orders-pg-admin key password -> Secret team-b/orders-pg-admin key password"));
    }

    @Test
    void roundTripsThroughJson() {
        Plan p = fixturePlan();
        String json = PlanJson.write(p);
        assertEquals(p, PlanJson.parse("plan.json", json), "the steps rebuilt from the parameters are the plan's");
        assertEquals(json, PlanJson.write(PlanJson.parse("plan.json", json)));
    }

    /**
     * The handoff folder compared file by file with src/test/resources/handoff/golden/ (regenerate with
     * -Dgolden.update=true, which replaces the folder, then review the diff).
     */
    static void golden(java.util.Map<String, String> actual) throws IOException {
        Path dir = Estates.fixture("storage.yaml").getParent().resolve("golden");
        Path source = Path.of("src/test/resources/handoff/golden");
        if (Boolean.getBoolean("golden.update")) {
            if (Files.exists(source)) {
                try (var walk = Files.walk(source)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            for (var e : actual.entrySet()) {
                Path f = source.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
            return;
        }
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        assertTrue(Files.isDirectory(dir), "golden folder missing: " + source + " (run with -Dgolden.update=true)");
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                expected.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertEquals(expected.keySet(), actual.keySet(), "files of " + source + " (regenerate with -Dgolden.update=true)");
        for (var e : actual.entrySet()) {
            assertEquals(expected.get(e.getKey()), e.getValue(), e.getKey() + " differs from " + source);
        }
    }
}
