package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Loads the table-driven YAML fixtures under src/test/resources/compose/. */
final class Fixtures {
    private Fixtures() {
    }

    static List<JsonNode> list(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/compose/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            JsonNode root = Yaml.YAML.readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String label(JsonNode c, String... keys) {
        for (String k : keys) {
            if (c.has(k)) {
                return c.get(k).asText();
            }
        }
        return c.toString();
    }
}
