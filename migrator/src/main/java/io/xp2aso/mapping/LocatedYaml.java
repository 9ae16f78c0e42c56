package io.xp2aso.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One YAML document parsed into a Jackson tree that remembers the line of every node, so that a mistake in a
 * mapping file is reported as {@code file:line}. (Jackson trees drop locations; mapping files are small.)
 */
final class LocatedYaml {
    private final String file;
    private final JsonNode root;
    private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, Integer>> keyLines = new IdentityHashMap<>();

    private LocatedYaml(String file, String text) {
        this.file = file;
        try (JsonParser p = Yaml.factory().createParser(text)) {
            JsonToken t = p.nextToken();
            root = t == null ? Nodes.FACTORY.nullNode() : read(p);
            if (p.nextToken() != null) {
                throw new InputException(new Origin(file, p.currentTokenLocation().getLineNr()),
                        "a mapping file holds exactly one YAML document");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(new Origin(file, Math.max(line, 0)), "malformed YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(new Origin(file, 0), "cannot parse: " + e.getMessage(), e);
        }
    }

    static LocatedYaml parse(String file, String text) {
        return new LocatedYaml(file, text);
    }

    JsonNode root() {
        return root;
    }

    String file() {
        return file;
    }

    /** Where a node of this tree starts (the file alone when unknown). */
    Origin origin(JsonNode node) {
        Integer line = node == null ? null : lines.get(node);
        return new Origin(file, line == null ? 0 : line);
    }

    /** Where the key of a map entry is written (the map's own line when unknown). */
    Origin keyOrigin(JsonNode parent, String key) {
        Map<String, Integer> m = keyLines.get(parent);
        Integer line = m == null ? null : m.get(key);
        return line == null ? origin(parent) : new Origin(file, line);
    }

    private JsonNode read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        JsonNode node;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = Nodes.FACTORY.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    if (o.has(name)) {
                        throw new InputException(new Origin(file, keyLine), "duplicate key `" + name + "`");
                    }
                    JsonNode child = read(p);
                    o.set(name, child);
                    keyLines.computeIfAbsent(o, k -> new java.util.HashMap<>()).put(name, keyLine);
                }
                node = o;
            }
            case START_ARRAY -> {
                ArrayNode a = Nodes.FACTORY.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p));
                }
                node = a;
            }
            default -> node = Yaml.YAML.readTree(p);
        }
        // Scalars are shared by value in Jackson (e.g. BooleanNode.TRUE): their lines would collide, so only
        // containers and strings (new instances) are recorded; rules always point at a container anyway.
        if (node.isContainerNode() || node.isTextual()) {
            lines.put(node, line);
        }
        return node;
    }
}
