package io.xp2aso.templates;

import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every translated patch type and transform, rendered by xp2aso's renderer (through migrate) and by the chart
 * (through Helm), over edge values: empty strings, unicode and HTML characters, integers up to 2^53, a missing
 * optional field (the Composition's value stays) and a missing Required one (the resource is not made). The run's
 * own check renders the chart for each XR and compares; this test asserts it proved all three, and that a chart
 * changed by one function would have been caught.
 */
class TemplatesTransformTableTest {
    private static final String DIR = "src/test/resources/templates/";

    @TempDir
    Path tmp;

    static TemplatesRun.Result run(String folder) {
        SourceSet s = SourceReader.read(List.of(DIR + folder), new ByteArrayInputStream(new byte[0]));
        return TemplatesRun.run(s, MigrateOptions.defaults());
    }

    @Test
    void everyTransformRendersInHelmAsInCrossplane() throws IOException {
        TemplatesRun.Result r = run("transforms");
        assertEquals(List.of(), r.refused());
        assertEquals(1, r.charts().size());
        assertEquals(List.of("_cluster/basic", "_cluster/edge", "_cluster/unicode"), r.charts().get(0).verified());

        // Not vacuous: the same chart with ToUpper rendered as lower differs from migrate.
        for (Map.Entry<String, String> f : r.files().entrySet()) {
            Path p = tmp.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue().replace("= upper (print", "= lower (print"));
        }
        List<com.fasterxml.jackson.databind.node.ObjectNode> rendered = HelmRender.render(tmp.resolve("charts/xtransform"),
                "basic", "default", tmp.resolve("values/default/basic.yaml"));
        String tags = rendered.get(0).path("spec").path("tags").toString();
        assertTrue(tags.contains("\"upper\":\"hello-world\""), tags);
    }

    @Test
    void joinInLegacyModeRendersInHelmAsInCrossplane() {
        TemplatesRun.Result r = run("join");
        assertEquals(List.of(), r.refused());
        assertEquals(List.of("_cluster/mixed", "_cluster/empty"), r.charts().get(0).verified());
    }

    /**
     * FromEnvironmentFieldPath and CombineFromEnvironment read the environment render selects for each XR (legacy
     * by reference, Pipeline by the XR's label), carried in the values file under xp2aso.environment: unicode, a
     * large integer, a missing field (the base value stays) and a Required one, each rendered as migrate does.
     */
    @Test
    void environmentPatchesReadTheEnvironmentFromTheValues() throws IOException {
        TemplatesRun.Result r = run("environment");
        assertEquals(List.of(), r.refused());
        Map<String, List<String>> proven = new java.util.TreeMap<>();
        r.charts().forEach(c -> proven.put(c.name(), c.verified()));
        assertEquals(Map.of("xenv-legacy", List.of("_cluster/legacy-one"), "xenv-pipeline", List.of("_cluster/west",
                "_cluster/north")), proven);
        String west = r.files().get("values/default/west.yaml");
        assertTrue(west.contains("environment:") && west.contains("westeurope"), west);
        // Chosen by reference, the legacy environment is every XR's: the chart's default, for new instances too.
        assertTrue(r.files().get("charts/xenv-legacy/values.yaml").contains("westeurope"));
        assertFalse(r.files().get("charts/xenv-pipeline/values.yaml").contains("environment"));
        // Not vacuous: without its environment the chart renders the base location, which migrate does not write.
        for (Map.Entry<String, String> f : r.files().entrySet()) {
            Path p = tmp.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Path values = tmp.resolve("values/default/west.yaml");
        Files.writeString(values, west.replace("environment:", "was-environment:"));
        String location = HelmRender.render(tmp.resolve("charts/xenv-pipeline"), "west", "default", values).get(0)
                .path("spec").path("location").asText();
        assertEquals("nowhere", location);
    }

    @Test
    void anEnvironmentPatchedFromTheXrLeavesTheChartOut() {
        TemplatesRun.Result r = run("environment-patched");
        assertEquals(List.of(), r.charts());
        assertTrue(r.refused().get(0).reason().contains("spec.environment.patches"), r.refused().toString());
    }

    @Test
    void aPatchWithoutAFaithfulHelmFormLeavesTheChartOutNamingThePatch() {
        TemplatesRun.Result r = run("merge");
        assertEquals(List.of(), r.charts());
        assertEquals(1, r.refused().size());
        String reason = r.refused().get(0).reason();
        assertTrue(reason.contains("spec.resources[0] (rg) patches[0]") && reason.contains("merge options"), reason);
        assertTrue(r.files().keySet().stream().noneMatch(k -> k.startsWith("charts/")), r.files().keySet().toString());
    }
}
