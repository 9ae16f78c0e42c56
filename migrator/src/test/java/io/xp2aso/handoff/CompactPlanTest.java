package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.testutil.Shared;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact plan of migrate's output (samples/aso): plan.json names each manifest by its file in aso/ with a digest,
 * the executor's reader loads and checks it, and the unit pages are where plan.md's index links.
 */
class CompactPlanTest {
    @TempDir
    Path tmp;

    private Path samples() throws IOException {
        Path out = tmp.resolve("out");
        Path from = Shared.repoRoot().resolve("samples/aso");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.toList()) {
                Path to = out.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return out;
    }

    @Test
    void theManifestsComeFromTheAsoTreeAsWritten() throws IOException {
        Path out = samples();
        String json = Files.readString(out.resolve("handoff/plan.json"));
        assertFalse(json.contains("\"manifest\""), "migrate's plan names the manifests it wrote instead of copying them");
        assertFalse(json.contains("\"steps\""), "the steps are written once per kind of unit");
        Plan plan = PlanJson.read(out.resolve("handoff/plan.json"));
        int files = 0;
        for (UnitPlan u : plan.units()) {
            assertFalse(u.steps().isEmpty(), u.id() + ": steps rebuilt from its parameters");
            for (AsoTarget t : u.aso()) {
                String name = t.ref().kind().toLowerCase(java.util.Locale.ROOT) + "-" + t.ref().name() + ".yaml";
                try (Stream<Path> walk = Files.walk(out.resolve("aso"))) {
                    for (Path f : walk.filter(p -> p.getFileName().toString().equals(name)).toList()) {
                        JsonNode file = Yaml.YAML.readTree(Files.readString(f));
                        if (file.path("metadata").path("namespace").asText().equals(t.ref().namespace())) {
                            assertEquals(file, t.manifest(), f.toString());
                            files++;
                        }
                    }
                }
            }
        }
        assertTrue(files > 10, "manifests read from aso/: " + files);
        for (UnitPlan u : plan.units()) {
            assertTrue(Files.isRegularFile(out.resolve("handoff").resolve(PlanMarkdown.pagePath(u.id()))), u.id());
            assertTrue(Files.readString(out.resolve("handoff/plan.md")).contains("](" + PlanMarkdown.pagePath(u.id()) + ")"));
        }
    }

    @Test
    void aManifestChangedAfterThePlanIsRefusedAndACommentIsNot() throws IOException {
        Path out = samples();
        Path rg;
        try (Stream<Path> walk = Files.walk(out.resolve("aso"))) {
            rg = walk.filter(p -> p.getFileName().toString().startsWith("resourcegroup-")).findFirst().orElseThrow();
        }
        String text = Files.readString(rg);
        Files.writeString(rg, "# reviewed\n" + text);
        PlanJson.read(out.resolve("handoff/plan.json"));

        Files.writeString(rg, text.replace("location: ", "location: x"));
        InputException e = assertThrows(InputException.class, () -> PlanJson.read(out.resolve("handoff/plan.json")));
        assertTrue(e.getMessage().contains("changed after the plan was written"), e.getMessage());
        assertTrue(e.getMessage().contains(rg.getFileName().toString()) || e.origin().toString().contains(
                rg.getFileName().toString()), e.getMessage());

        Files.delete(rg);
        e = assertThrows(InputException.class, () -> PlanJson.read(out.resolve("handoff/plan.json")));
        assertTrue(e.getMessage().contains("cannot read the ASO manifest"), e.getMessage());
    }

    @Test
    void aUnitNamingAnotherKindOfUnitIsRefused() throws IOException {
        Path out = samples();
        Path plan = out.resolve("handoff/plan.json");
        List<String> lines = Files.readAllLines(plan);
        Files.write(plan, lines.stream().map(l -> l.replace("\"sequence\":\"claim\"", "\"sequence\":\"xr\"")).toList());
        InputException e = assertThrows(InputException.class, () -> PlanJson.read(plan));
        assertTrue(e.getMessage().contains("names the sequence 'xr'"), e.getMessage());
    }
}
