package io.xp2aso.compose;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the line of each composed-resource template inside a Composition file, so findings and ComposedResource
 * origins point at the template rather than the top of the document. Each file is scanned once; sources that
 * are not plain files (standard input, Git blobs) fall back to the document's line.
 */
final class TemplateLines {
    private static final Pattern TEMPLATE = Pattern.compile("/spec/resources/\\d+|/spec/pipeline/\\d+(/input/resources/\\d+)?");

    private final Map<String, Map<Integer, Map<String, Integer>>> byFile = new ConcurrentHashMap<>();

    /** Origin of the node at a JSON pointer (e.g. /spec/resources/2) in the document that starts at doc. */
    Origin at(Origin doc, String pointer) {
        Map<String, Integer> lines = byFile.computeIfAbsent(doc.file(), TemplateLines::scan).get(doc.line());
        if (lines == null) {
            return doc;
        }
        Integer line = lines.get(pointer);
        return line == null ? doc : new Origin(doc.file(), line);
    }

    private static Map<Integer, Map<String, Integer>> scan(String file) {
        Map<Integer, Map<String, Integer>> out = new HashMap<>();
        Path p = Path.of(file);
        try {
            if (!Files.isRegularFile(p)) {
                return out;
            }
        } catch (RuntimeException e) {
            return out;
        }
        try (JsonParser parser = Yaml.factory().createParser(p.toFile())) {
            Map<String, Integer> current = null;
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    int line = parser.currentTokenLocation().getLineNr();
                    if (parser.getParsingContext().getParent() != null
                            && parser.getParsingContext().getParent().inRoot()) {
                        current = new HashMap<>();
                        out.put(line, current);
                    } else if (current != null && t == JsonToken.START_OBJECT) {
                        String pointer = parser.getParsingContext().pathAsPointer().toString();
                        if (pointer.endsWith("/")) {
                            pointer = pointer.substring(0, pointer.length() - 1);
                        }
                        if (TEMPLATE.matcher(pointer).matches()) {
                            current.put(pointer, line);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable or not YAML here: the reader already reported it; document lines remain.
            return out;
        }
        return out;
    }
}
