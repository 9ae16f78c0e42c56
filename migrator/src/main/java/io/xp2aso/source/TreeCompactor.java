package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds parsed trees to take less memory: field names and short text values shared between the documents a
 * compactor sees (the YAML parser makes a new string for every key of every object), and objects sized to their
 * contents ({@link CompactMap}). A 10,000-claim estate holds a few million keys, mostly the same few hundred. Text nodes are immutable,
 * so sharing them is safe; objects and arrays stay distinct. One compactor per thread.
 */
final class TreeCompactor {
    private static final int MAX_SHARED_TEXT = 64;
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, TextNode> texts = new HashMap<>();

    JsonNode compact(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = Nodes.FACTORY.objectNode(o.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(keys.computeIfAbsent(e.getKey(), k -> k), compact(e.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>(a.size());
            for (JsonNode item : a) {
                items.add(compact(item));
            }
            return new ArrayNode(Nodes.FACTORY, items);
        }
        if (node instanceof TextNode t && t.textValue().length() <= MAX_SHARED_TEXT) {
            return texts.computeIfAbsent(t.textValue(), v -> t);
        }
        return node;
    }
}
