package io.xp2aso.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without anchors, merge keys or duplicate keys, TreeReader builds exactly the tree Jackson's readTree builds. */
class TreeReaderEquivalenceTest {
    private static final Pattern YAML_FEATURES = Pattern.compile("(^|[\\s\\[{,:-])[&*][A-Za-z0-9_.-]+|<<:");

    @Test
    void sameTreesAsJacksonOnSamplesMappingsAndCorpus() throws Exception {
        List<Path> roots = new ArrayList<>(List.of(Path.of("../samples"), Path.of("../mappings")));
        Path corpus = Path.of(System.getProperty("xp2aso.corpus", Shared.repoRoot().resolveSibling("shared/corpus/crossplane").toString()));
        if (Files.isDirectory(corpus)) {
            roots.add(corpus);
        } else {
            System.out.println("TreeReaderEquivalenceTest: ../shared absent, corpus not compared");
        }
        int compared = 0;
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            }
            for (Path f : files) {
                String text = Files.readString(f);
                if (text.contains("{{") || YAML_FEATURES.matcher(text).find()) {
                    continue;
                }
                List<JsonNode> ours = new ArrayList<>();
                List<JsonNode> jackson = new ArrayList<>();
                try (JsonParser p = Yaml.factory().createParser(text)) {
                    TreeReader r = new TreeReader(p, f.toString(), 0);
                    while (p.nextToken() != null) {
                        ours.add(r.readDocument());
                    }
                } catch (InputException e) {
                    if (e.getMessage().startsWith("duplicate key")) {
                        continue;
                    }
                    throw e;
                }
                try (JsonParser p = Yaml.factory().createParser(text)) {
                    JsonToken t;
                    while ((t = p.nextToken()) != null) {
                        jackson.add(Yaml.YAML.readTree(p));
                    }
                }
                assertEquals(jackson, ours, f.toString());
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared + " files");
    }
}
