package io.xp2aso.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The baseline the migrate benchmark is compared to: parse every YAML document of the same inputs with
 * Jackson and write each back out as YAML, one file per input file. It is the floor any tool that reads and
 * writes these manifests pays, so migrate's figure is reported as a ratio to it.
 *
 * <p>Usage: {@code Baseline OUT_DIR INPUT...}
 */
public final class Baseline {
    private Baseline() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Baseline OUT_DIR INPUT...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        long docs = 0;
        for (int i = 1; i < args.length; i++) {
            docs += run(Path.of(args[i]), out);
        }
        System.err.printf("baseline: %d documents parsed and re-written%n", docs);
    }

    static long run(Path input, Path out) throws IOException {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(Integer.MAX_VALUE);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(loader).build());
        List<Path> files;
        try (Stream<Path> s = Files.walk(input)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Files.createDirectories(out);
        long docs = 0;
        int n = 0;
        for (Path f : files) {
            Path target = out.resolve((n++) + "-" + f.getFileName());
            try (JsonParser p = yaml.getFactory().createParser(f.toFile());
                 Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode node = yaml.readTree(p);
                    w.write(yaml.writeValueAsString(node));
                    docs++;
                }
            }
        }
        return docs;
    }
}
