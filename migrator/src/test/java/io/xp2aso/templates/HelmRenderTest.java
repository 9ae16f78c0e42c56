package io.xp2aso.templates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelmRenderTest {
    @TempDir
    Path tmp;

    /** upbound/platform-ref-azure's charts rendered nothing for an instance: Helm answers null, not an empty stream. */
    @Test
    void aChartThatRendersNothingIsAnEmptyList() throws IOException {
        Files.createDirectories(tmp.resolve("chart/templates"));
        Files.writeString(tmp.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: empty\nversion: 1.0.0\n");
        Files.writeString(tmp.resolve("chart/templates/a.yaml"), "{{- if .Values.on }}\nkind: X\n{{- end }}\n");
        Files.writeString(tmp.resolve("values.yaml"), "on: false\n");
        assertEquals(List.of(), HelmRender.render(tmp.resolve("chart"), "r", "default", tmp.resolve("values.yaml")));
    }
}
