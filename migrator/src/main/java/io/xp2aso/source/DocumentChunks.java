package io.xp2aso.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multi-document YAML text into chunks of whole documents, so a large file (a cluster snapshot of tens
 * of thousands of objects) can be parsed on several cores. A line starting with "---" at column 0 always starts a
 * new document in YAML (it cannot continue a scalar), so cutting there never changes what is parsed. Texts with
 * directives ("%YAML", "%TAG") are left whole: a directive belongs to the document after it.
 */
final class DocumentChunks {
    /** A part of the text and the 1-based line of the file it starts on. */
    record Chunk(String text, int firstLine) {
    }

    private DocumentChunks() {
    }

    static List<Chunk> split(String text, int targetChars) {
        if (text.length() < 2L * targetChars || text.startsWith("%") || text.contains("\n%")) {
            return List.of(new Chunk(text, 1));
        }
        List<Chunk> out = new ArrayList<>();
        int start = 0;
        int startLine = 1;
        int cut;
        while ((cut = documentStartAfter(text, start + targetChars)) > 0) {
            out.add(new Chunk(text.substring(start, cut), startLine));
            startLine += newlines(text, start, cut);
            start = cut;
        }
        out.add(new Chunk(text.substring(start), startLine));
        return out;
    }

    /** The first line start at or after {@code from} that starts a document, or -1. */
    private static int documentStartAfter(String text, int from) {
        int nl = text.indexOf("\n---", Math.min(from, text.length()) - 1);
        while (nl >= 0 && !isDocumentStart(text, nl + 1)) {
            nl = text.indexOf("\n---", nl + 1);
        }
        return nl < 0 ? -1 : nl + 1;
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static boolean isDocumentStart(String text, int lineStart) {
        if (!text.startsWith("---", lineStart)) {
            return false;
        }
        int after = lineStart + 3;
        if (after >= text.length()) {
            return true;
        }
        char c = text.charAt(after);
        return c == '\n' || c == '\r' || c == ' ' || c == '\t';
    }
}
