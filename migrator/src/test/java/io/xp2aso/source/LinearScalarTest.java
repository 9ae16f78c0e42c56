package io.xp2aso.source;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long tokens parse in linear time; the linear reader gives the same events and positions as SnakeYAML's own. */
class LinearScalarTest {
    private static String configMapWith(String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: " + value + "\n";
    }

    @Test
    void aSixteenMegabyteQuotedScalarParsesInLinearTime() {
        // SnakeYAML's reader took 70 s for 8 MB (quadratic); 16 MB would take minutes.
        String value = "abcdefghij".repeat(1_600_000);
        SourceReader r = new SourceReader();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> r.readText("big.yaml", configMapWith("\"" + value + "\"")));
        assertEquals(value, r.result().manifests().get(0).node().path("data").path("x").asText());
    }

    @Test
    void aLongPlainScalarToo() {
        String value = "x".repeat(8_000_000);
        SourceReader r = new SourceReader();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> r.readText("big.yaml", configMapWith(value)));
        assertEquals(value.length(), r.result().manifests().get(0).node().path("data").path("x").asText().length());
    }

    @Test
    void specialCharactersAreStillRejectedWithTheirLine() {
        InputException e = assertThrows(InputException.class,
                () -> new SourceReader().readText("c.yaml", configMapWith("a\u0001b")));
        assertEquals(6, e.origin().line());
        assertTrue(e.getMessage().contains("U+0001 is not allowed"), e.getMessage());
    }

    @Test
    void sameEventsAndMarksAsSnakeYamlOnEverySample() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("../samples/crossplane"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() > 3);
        String tricky = "a: \"x\\ny\" # c\r\nb: |\n  l1\n  l2\u2028\nc: [\u00e9, \ud83d\ude00, 'q''q']\n---\nd: >-\n  f\n\n  g\n";
        List<String> texts = new ArrayList<>();
        texts.add(tricky);
        texts.add("k: " + "x".repeat(70_000) + " " + "y ".repeat(70_000) + "\n");
        for (Path f : files) {
            texts.add(Files.readString(f));
        }
        for (String text : texts) {
            assertEquals(events(new StreamReader(new StringReader(text)), text),
                    events(new LinearStreamReader(new StringReader(text)), text));
        }
    }

    private static List<String> events(StreamReader reader, String text) {
        ParserImpl p = new ParserImpl(reader, new LoaderOptions());
        List<String> out = new ArrayList<>();
        while (p.peekEvent() != null) {
            Event e = p.getEvent();
            out.add(e + " " + e.getStartMark().getIndex() + ":" + e.getStartMark().getLine() + ":" + e.getStartMark().getColumn()
                    + "-" + e.getEndMark().getIndex() + ":" + e.getEndMark().getLine() + ":" + e.getEndMark().getColumn());
            if (e.is(Event.ID.StreamEnd)) {
                break;
            }
        }
        return out;
    }
}
