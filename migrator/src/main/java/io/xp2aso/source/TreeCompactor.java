package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes parsed trees take less memory, in place: field names and short text values shared between the documents a
 * compactor sees (the YAML parser makes a new string for every key of every object) and each object's field array cut
 * to its size ({@link CompactMap}). A 10,000-claim estate holds a few million keys, mostly the same few hundred. Text
 * nodes are immutable, so sharing them is safe; objects and arrays stay distinct. Nothing is copied: a copy of every
 * parsed tree was as much garbage again, promoted to the old generation while a large input was being read.
 * One compactor per thread.
 */
final class TreeCompactor {
    private static final int MAX_SHARED_TEXT = 64;
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, TextNode> texts = new HashMap<>();

    JsonNode compact(JsonNode node) {
        if (node instanceof ObjectNode o) {
            CompactMap map = null;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                if (e instanceof CompactMap.Field f) {
                    f.shareKey(keys);
                    map = f.map();
                }
                JsonNode v = e.getValue();
                JsonNode c = compact(v);
                if (c != v) {
                    e.setValue(c);
                }
            }
            if (map != null) {
                map.trim();
            }
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                JsonNode c = compact(v);
                if (c != v) {
                    a.set(i, c);
                }
            }
            return a;
        }
        if (node instanceof TextNode t && t.textValue().length() <= MAX_SHARED_TEXT) {
            return texts.computeIfAbsent(t.textValue(), v -> t);
        }
        return node;
    }
}
