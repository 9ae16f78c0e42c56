package io.xp2aso.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads one document from a Jackson parser into a tree as Kubernetes' YAML reader (sigs.k8s.io/yaml) sees it: aliases
 * are expanded (Jackson's own tree reader turns {@code *name} into the string "name"), merge keys ({@code <<: *base}
 * or a list of maps) are merged, a key given twice in one mapping is an error at the second one. Merge keys follow the
 * YAML merge spec: keys written in the mapping win over merged ones, and among merged maps the earlier wins.
 *
 * <p>Aliases may add at most {@link #MAX_ALIAS_NODES} nodes to a document: a "billion laughs" input (anchors of
 * aliases of aliases) stops with an error before it is expanded, instead of filling the heap. Scalars, numbers
 * included, are built as Jackson's tree reader builds them.
 */
final class TreeReader {
    static final long MAX_ALIAS_NODES = 1_000_000;
    private static final String MERGE_KEY = "<<";

    private record Anchor(JsonNode node, long size) {
    }

    private final JsonParser p;
    private final YAMLParser yaml;
    private final String file;
    private final int lineOffset;
    private final Map<String, Anchor> anchors = new HashMap<>();
    private long aliasNodes;

    /** lineOffset: added to the parser's line numbers (the parser reads a chunk that starts further down the file). */
    TreeReader(JsonParser p, String file, int lineOffset) {
        this.p = p;
        this.yaml = p instanceof YAMLParser y ? y : null;
        this.file = file;
        this.lineOffset = lineOffset;
    }

    /** The value that starts at the parser's current token; anchors do not carry over to the next document. */
    JsonNode readDocument() throws IOException {
        anchors.clear();
        aliasNodes = 0;
        return value(p.currentToken());
    }

    private JsonNode value(JsonToken t) throws IOException {
        String anchor = yaml instanceof LinearYamlFactory.Parser lp ? lp.anchor() : yaml == null ? null : yaml.getObjectId();
        JsonNode v = switch (t) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> yaml != null && yaml.isCurrentAlias() ? alias(p.getText()) : Nodes.FACTORY.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> Nodes.FACTORY.numberNode(p.getIntValue());
                case LONG -> Nodes.FACTORY.numberNode(p.getLongValue());
                default -> Nodes.FACTORY.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> switch (p.getNumberTypeFP()) {
                case BIG_DECIMAL -> Nodes.FACTORY.numberNode(p.getDecimalValue());
                case FLOAT32 -> Nodes.FACTORY.numberNode(p.getFloatValue());
                default -> Nodes.FACTORY.numberNode(p.getDoubleValue());
            };
            case VALUE_TRUE -> Nodes.FACTORY.booleanNode(true);
            case VALUE_FALSE -> Nodes.FACTORY.booleanNode(false);
            case VALUE_NULL -> Nodes.FACTORY.nullNode();
            case VALUE_EMBEDDED_OBJECT -> p.getEmbeddedObject() instanceof byte[] b
                    ? Nodes.FACTORY.binaryNode(b) : Nodes.FACTORY.pojoNode(p.getEmbeddedObject());
            default -> throw error("unexpected " + t);
        };
        if (anchor != null) {
            anchors.put(anchor, new Anchor(v, size(v)));
        }
        return v;
    }

    private ObjectNode object() throws IOException {
        ObjectNode o = Nodes.FACTORY.objectNode();
        List<JsonNode> merged = null;
        JsonToken t;
        while ((t = next()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = line();
            JsonNode v = value(next());
            if (yaml != null && key.equals(MERGE_KEY)) {
                if (merged != null) {
                    throw new InputException(new Origin(file, line), "duplicate key \"<<\" (a merge key) in one mapping;"
                            + " merge several maps with one key: <<: [*a, *b]");
                }
                merged = mergeSources(v, line);
            } else if (o.replace(key, v) != null) {
                throw new InputException(new Origin(file, line), "duplicate key \"" + key + "\": it is already set"
                        + " in this mapping (kubectl and the API server reject it); keep one of them");
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw error("unexpected " + t + " in a mapping");
        }
        if (merged != null) {
            for (JsonNode m : merged) {
                for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!o.has(e.getKey())) {
                        o.set(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return o;
    }

    private List<JsonNode> mergeSources(JsonNode v, int line) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isObject()) {
            out.add(v);
        } else if (v.isArray() && !v.isEmpty()) {
            for (JsonNode m : v) {
                if (!m.isObject()) {
                    throw new InputException(new Origin(file, line), "a merge key (<<) takes a map or a list of maps, not a list with a "
                            + m.getNodeType().name().toLowerCase());
                }
                out.add(m);
            }
        } else {
            throw new InputException(new Origin(file, line), "a merge key (<<) takes a map or a list of maps, not a "
                    + v.getNodeType().name().toLowerCase());
        }
        return out;
    }

    private ArrayNode array() throws IOException {
        ArrayNode a = Nodes.FACTORY.arrayNode();
        JsonToken t;
        while ((t = next()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw error("unexpected end of input in a list");
            }
            a.add(value(t));
        }
        return a;
    }

    private JsonNode alias(String name) {
        Anchor a = anchors.get(name);
        if (a == null) {
            throw error("alias *" + name + " refers to no anchor &" + name + " before it in this document");
        }
        aliasNodes += a.size();
        if (aliasNodes > MAX_ALIAS_NODES) {
            throw error("YAML aliases expand to more than " + MAX_ALIAS_NODES + " values in this document (a \"billion"
                    + " laughs\" input?); nothing was expanded: write the values out or use fewer nested aliases");
        }
        return a.node().isContainerNode() ? a.node().deepCopy() : a.node();
    }

    private JsonToken next() throws IOException {
        try {
            return p.nextToken();
        } catch (StreamConstraintsException e) {
            throw new InputException(new Origin(file, lineOffset + p.currentLocation().getLineNr()),
                    "the YAML nests deeper than " + p.streamReadConstraints().getMaxNestingDepth()
                    + " levels here, more than any Kubernetes object does: is this file generated by mistake? Flatten or remove it");
        }
    }

    private int line() {
        return lineOffset + p.currentTokenLocation().getLineNr();
    }

    private InputException error(String message) {
        return new InputException(new Origin(file, line()), message);
    }

    private static long size(JsonNode v) {
        long n = 1;
        if (v.isContainerNode()) {
            for (JsonNode c : v) {
                n += size(c);
            }
        }
        return n;
    }
}
