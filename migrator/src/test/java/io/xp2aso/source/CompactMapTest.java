package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactMapTest {
    @Test
    void behavesLikeALinkedHashMapUnderRandomEdits() {
        // The same random puts, replacements and removals (through the map and through its iterator) on both maps,
        // across the switch from the small array to the LinkedHashMap; contents and order must agree after each.
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            CompactMap compact = new CompactMap(random.nextInt(4));
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            for (int op = 0; op < 60; op++) {
                String key = "k" + random.nextInt(CompactMap.MAX_SMALL + 6);
                switch (random.nextInt(4)) {
                    case 0, 1 -> assertEquals(expected.put(key, IntNode.valueOf(op)), compact.put(key, IntNode.valueOf(op)));
                    case 2 -> assertEquals(expected.remove(key), compact.remove(key));
                    default -> {
                        removeThroughIterator(expected, key);
                        removeThroughIterator(compact, key);
                    }
                }
                assertEquals(List.copyOf(expected.entrySet()), List.copyOf(compact.entrySet()));
                assertEquals(expected, compact);
                assertEquals(expected.hashCode(), compact.hashCode());
                assertEquals(expected.containsKey(key), compact.containsKey(key));
                assertEquals(expected.get(key), compact.get(key));
            }
        }
    }

    private static void removeThroughIterator(Map<String, JsonNode> map, String key) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals(key)) {
                it.remove();
            }
        }
    }

    @Test
    void movesToAHashMapPastTheSmallSizeAndKeepsOrder() {
        CompactMap map = new CompactMap();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CompactMap.MAX_SMALL + 1; i++) {
            keys.add("field" + i);
            map.put("field" + i, IntNode.valueOf(i));
            assertEquals(i < CompactMap.MAX_SMALL, map.isSmall(), "after " + (i + 1) + " fields");
        }
        assertEquals(keys, List.copyOf(map.keySet()));
        assertEquals(IntNode.valueOf(3), map.get("field3"));
    }

    @Test
    void entrySetValueWritesThrough() {
        CompactMap map = new CompactMap();
        map.put("a", IntNode.valueOf(1));
        map.put("b", IntNode.valueOf(2));
        for (Map.Entry<String, JsonNode> e : map.entrySet()) {
            e.setValue(IntNode.valueOf(e.getValue().intValue() * 10));
        }
        assertEquals(IntNode.valueOf(10), map.get("a"));
        assertEquals(IntNode.valueOf(20), map.get("b"));
    }

    @Test
    void addingWhileIteratingFailsFast() {
        CompactMap map = new CompactMap();
        map.put("a", IntNode.valueOf(1));
        map.put("b", IntNode.valueOf(2));
        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        it.next();
        map.put("c", IntNode.valueOf(3));
        assertThrows(ConcurrentModificationException.class, it::next);
    }

    @Test
    void nullKeysAreAbsentAndRefused() {
        CompactMap map = new CompactMap();
        assertNull(map.get(null));
        assertFalse(map.containsKey(null));
        assertThrows(NullPointerException.class, () -> map.put(null, IntNode.valueOf(1)));
    }

    @Test
    void parsedAndCopiedObjectsUseIt() throws Exception {
        JsonNode tree = Yaml.YAML.readTree("metadata:\n  name: a\n  labels: {x: y}\nspec: {n: 1}\n");
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        copy.with("metadata").put("namespace", "ns");
        assertEquals("ns", copy.path("metadata").path("namespace").asText());
        assertTrue(tree.path("metadata").path("namespace").isMissingNode(), "a deep copy is independent");
        assertNotSame(tree.get("metadata"), copy.get("metadata"));
        assertEquals("metadata:\n  name: \"a\"\n  labels:\n    x: \"y\"\nspec:\n  n: 1\n".replace("\"", ""),
                Yaml.YAML.writeValueAsString(tree).replace("\"", ""));
        assertTrue(Nodes.FACTORY.objectNode().isEmpty());
        assertEquals(Nodes.FACTORY, Yaml.YAML.getNodeFactory());
    }
}
