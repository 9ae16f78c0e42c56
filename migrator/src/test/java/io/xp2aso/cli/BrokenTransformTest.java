package io.xp2aso.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 item 4: a transform Crossplane would reject (a regexp that does not compile) is an error on the
 * Composition even when no claim sets the field it reads, and the unit that uses it is not written.
 */
class BrokenTransformTest {
    private static final Path FIXTURE = Path.of("src/test/resources/compose/broken-transform");

    @TempDir
    Path tmp;

    @Test
    void aRegexpThatDoesNotCompileIsAnErrorAtItsLineEvenWhenItsFieldIsAbsent() throws IOException {
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"migrate", FIXTURE.toString(), "-o", out.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, code, err.toString());
        JsonNode report = Yaml.JSON.readTree(Files.readString(out.resolve("report.json")));
        JsonNode error = null;
        for (JsonNode f : report.findParents("code")) {
            if (f.path("code").asText().equals("invalid-composition")) {
                error = f;
            }
        }
        assertTrue(error != null, report.toPrettyString());
        assertEquals("error", error.path("severity").asText());
        assertTrue(error.path("message").asText().contains("could not compile regexp"), error.toString());
        assertTrue(error.path("file").asText().endsWith("composition.yaml"), error.toString());
        assertEquals(21, error.path("line").asInt(), "at the patch, not the top of the document: " + error);
        assertFalse(Files.exists(out.resolve("aso/team-a")), "the unit is not written");
    }
}
