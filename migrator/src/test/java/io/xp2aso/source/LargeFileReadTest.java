package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Large files are parsed in chunks of documents on several cores: the result must be the same as one pass. */
class LargeFileReadTest {
    /** n ConfigMap-like objects, each 6 lines, separated by "---"; document i starts on line 6*i + 2. */
    private static String documents(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
                    .append("\ndata: {region: westeurope, index: \"").append(i).append("\"}\n");
        }
        return b.toString();
    }

    @Test
    void chunksCutOnlyAtDocumentStartsAndKeepLineNumbers() {
        String text = documents(500);
        List<DocumentChunks.Chunk> chunks = DocumentChunks.split(text, 1000);
        assertTrue(chunks.size() > 10, "a large text is split");
        StringBuilder joined = new StringBuilder();
        for (DocumentChunks.Chunk c : chunks) {
            assertTrue(c.text().startsWith("---\n"), "every chunk starts at a document marker");
            int lineOfChunk = (int) text.substring(0, joined.length()).chars().filter(ch -> ch == '\n').count() + 1;
            assertEquals(lineOfChunk, c.firstLine());
            joined.append(c.text());
        }
        assertEquals(text, joined.toString());
        assertEquals(1, DocumentChunks.split("%YAML 1.2\n" + text, 1000).size(), "directives keep the text whole");
        assertEquals(1, DocumentChunks.split(text, text.length()).size(), "small texts are not split");
    }

    @Test
    void aLargeFileReadsLikeASmallOneWithTheRightLines() {
        int n = 20_000;
        String text = documents(n);
        assertTrue(text.length() > 2 * 256 * 1024, "large enough to be read in chunks");
        SourceReader r = new SourceReader();
        r.readText("big.yaml", text);
        List<Manifest> ms = r.result().manifests();
        assertEquals(n, ms.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals("cm-" + i, ms.get(i).name());
            assertEquals(6 * i + 2, ms.get(i).origin().line(), "line of document " + i);
        }
        // Keys and short values are shared between documents; objects are not.
        JsonNode a = ms.get(1).node();
        JsonNode b = ms.get(2).node();
        assertSame(a.get("data").get("region"), b.get("data").get("region"));
        assertNotSame(a.get("metadata"), b.get("metadata"));
        assertEquals("1", a.get("data").get("index").asText());
    }

    @Test
    void anErrorDeepInALargeFileNamesItsLine() {
        String text = documents(20_000);
        int broken = 15_000;
        int at = text.indexOf("  name: cm-" + broken + "\n");
        String bad = text.substring(0, at) + "  name: [unclosed\n" + text.substring(text.indexOf('\n', at) + 1);
        InputException e = assertThrows(InputException.class, () -> new SourceReader().readText("big.yaml", bad));
        int line = 6 * broken + 2 + 3;
        assertTrue(Math.abs(e.origin().line() - line) <= 2, "error at line " + e.origin().line() + ", expected near " + line);
        assertEquals("big.yaml", e.origin().file());
    }
}
