package io.xp2aso.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsMultiDocumentFilesWithLinesListsAndSkips() {
        SourceSet s = SourceReader.read(List.of("src/test/resources/source/multi.yaml"), InputStream());
        assertEquals(2, s.manifests().size());
        assertEquals("a", s.manifests().get(0).name());
        assertEquals(2, s.manifests().get(0).origin().line());
        assertEquals("b", s.manifests().get(1).name());
        assertEquals(2, s.skipped().size());
        assertTrue(s.skipped().get(0).reason().contains("no apiVersion/kind"));
        assertTrue(s.skipped().get(1).reason().contains("list"));
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n  other: x\n");
        InputException e = assertThrows(InputException.class, () -> SourceReader.read(List.of(f.toString()), InputStream()));
        assertEquals(f.toString(), e.origin().file());
        assertTrue(e.origin().line() >= 4, "line " + e.origin().line());
        assertTrue(e.render().startsWith("error: " + f + ":"));
    }

    @Test
    void helmTemplatesAreReportedNotFatal() throws IOException {
        Files.writeString(tmp.resolve("t.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.x }}\n");
        Files.writeString(tmp.resolve("ok.yml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
        Files.writeString(tmp.resolve("notes.txt"), "ignored");
        SourceSet s = SourceReader.read(List.of(tmp.toString()), InputStream());
        assertEquals(1, s.manifests().size());
        assertEquals(1, s.skipped().size());
        assertTrue(s.skipped().get(0).reason().contains("Helm"));
    }

    @Test
    void readsStandardInputAndMissingPathIsAnError() {
        SourceSet s = SourceReader.read(List.of("-"),
                new ByteArrayInputStream("apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("<stdin>", s.manifests().get(0).origin().file());
        InputException e = assertThrows(InputException.class, () -> SourceReader.read(List.of(tmp.resolve("nope").toString()), InputStream()));
        assertTrue(e.getMessage().contains("no such file"));
    }

    private static ByteArrayInputStream InputStream() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Test
    void aBinaryFileIsOnePlainLineWithItsLine() throws IOException {
        Path f = tmp.resolve("blob.yaml");
        byte[] head = "apiVersion: v1\nkind: ConfigMap\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + 4);
        all[head.length] = (byte) 0xff;
        all[head.length + 1] = (byte) 0xfe;
        Files.write(f, all);
        InputException e = assertThrows(InputException.class, () -> SourceReader.read(List.of(f.toString()), InputStream()));
        assertEquals(3, e.origin().line());
        assertTrue(e.getMessage().startsWith("not UTF-8 text (a binary file?)"), e.getMessage());
    }
}
