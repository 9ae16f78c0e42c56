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
