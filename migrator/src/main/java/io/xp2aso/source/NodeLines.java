package io.xp2aso.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of each object nested in one document, by JSON pointer (e.g. /spec/resources/2), taken from the text the
 * document was read from. Kept for Crossplane definitions only (Compositions), whose findings point at a template
 * or a step: the text may be a Git blob or standard input, so the file cannot be read again later.
 */
public record NodeLines(Map<String, Integer> byPointer) {
    public static final NodeLines NONE = new NodeLines(Map.of());

    public NodeLines {
        byPointer = Map.copyOf(byPointer);
    }

    /** The line of the object at a pointer, or 0 when unknown. */
    public int line(String pointer) {
        return byPointer.getOrDefault(pointer, 0);
    }

    /**
     * Scans the document whose first line is line {@code lineInText} of {@code text}; {@code firstLine} is that line's
     * number in its file. Text that does not parse here (the reader already parsed it) gives what was found so far.
     */
    static NodeLines scan(JsonFactory factory, String text, int lineInText, int firstLine) {
        int start = 0;
        for (int l = 1; l < lineInText && start >= 0; l++) {
            start = text.indexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }
        if (start < 0) {
            return NONE;
        }
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = factory.createParser(text.substring(start))) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return NONE;
            }
            int base = firstLine - p.currentTokenLocation().getLineNr();
            int depth = 1;
            while (depth > 0 && (t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (t == JsonToken.START_OBJECT) {
                        String pointer = p.getParsingContext().pathAsPointer().toString();
                        out.put(pointer.endsWith("/") ? pointer.substring(0, pointer.length() - 1) : pointer,
                                base + p.currentTokenLocation().getLineNr());
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Partial lines are still right; the error itself was reported when the document was read.
        }
        return new NodeLines(out);
    }
}
