package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code helm template} with Helm's own engine, in process (helm-java runs Helm's Go library through JNA): the
 * chart a user installs is the chart checked, not a re-implementation of Go templates.
 */
final class HelmRender {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private HelmRender() {
    }

    /** The rendered objects; a template's fail or a values.schema.json violation is an IllegalStateException. */
    static List<ObjectNode> render(Path chart, String release, String namespace, Path values) {
        String out;
        try {
            out = new Helm(chart).template().withName(release).withNamespace(namespace).withValuesFile(values).call();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage().strip(), e);
        }
        // Helm answers null, not "", when no template renders anything (every object conditional and off).
        return parse(out == null ? "" : out);
    }

    static List<ObjectNode> parse(String stream) {
        List<ObjectNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(stream)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d instanceof ObjectNode o && !o.isEmpty()) {
                    docs.add(o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }
}
