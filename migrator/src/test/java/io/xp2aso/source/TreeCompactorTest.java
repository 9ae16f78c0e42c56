package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TreeCompactorTest {
    private static final String DOC = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: %s
              labels: {team: platform}
            data:
              items: [a, b, {c: d}]
            """;

    @Test
    void sharesKeysAndShortTextsInPlaceWithoutChangingTheTree() throws Exception {
        TreeCompactor compactor = new TreeCompactor();
        JsonNode first = Yaml.YAML.readTree(DOC.formatted("one"));
        JsonNode second = Yaml.YAML.readTree(DOC.formatted("two"));
        assertSame(first, compactor.compact(first), "compacted in place");
        assertSame(second, compactor.compact(second));

        assertEquals(Yaml.YAML.readTree(DOC.formatted("one")), first, "same content after compaction");
        assertSame(key(first, 2), key(second, 2), "one string per field name");
        assertSame(first.path("metadata").path("labels").get("team"), second.path("metadata").path("labels").get("team"),
                "one node per short text");
        assertSame(first.path("data").path("items").get(2).get("c"), second.path("data").path("items").get(2).get("c"),
                "texts inside arrays are shared too");
        assertEquals(4, fields((ObjectNode) first).capacity(), "the field array is cut to the four fields");
    }

    private static String key(JsonNode object, int index) {
        return object.properties().stream().skip(index).findFirst().map(Map.Entry::getKey).orElseThrow();
    }

    private static CompactMap fields(ObjectNode o) throws ReflectiveOperationException {
        Field children = ObjectNode.class.getDeclaredField("_children");
        children.setAccessible(true);
        return (CompactMap) children.get(o);
    }
}
