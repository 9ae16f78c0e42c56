package io.xp2aso.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.xp2aso.source.Yaml;

import java.io.UncheckedIOException;

/** JSON as people and diff tools like it: two-space indent, one array item per line, "\n" on every platform. */
public final class PrettyJson {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = Yaml.JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT));

    private PrettyJson() {
    }

    /** The document followed by a final newline, streamed into {@code out}, which is closed. */
    public static void write(JsonNode node, java.io.Writer out) {
        try (java.io.Writer w = out) {
            WRITER.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(w, node);
            w.write("\n");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document followed by a final newline. */
    public static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
