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
        String all = PlanJson.write(p) + PlanMarkdown.write(p) + HandoffScript.write(p);
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
