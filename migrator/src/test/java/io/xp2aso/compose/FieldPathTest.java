package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldPathTest {
    @TestFactory
    Stream<DynamicTest> parsesLikeCrossplane() {
        return Fixtures.list("fieldpaths.yaml").stream().map(c -> DynamicTest.dynamicTest(c.get("path").asText(), () -> {
            String path = c.get("path").asText();
            if (c.has("error")) {
                RenderException e = assertThrows(RenderException.class, () -> FieldPath.parse(path));
                assertEquals(c.get("error").asText(), e.getMessage());
                return;
            }
            FieldPath p = FieldPath.parse(path);
            List<String> got = new ArrayList<>();
            for (FieldPath.Segment s : p.segments()) {
                got.add(s.isIndex() ? "#" + s.index() : s.field());
            }
            List<String> want = new ArrayList<>();
            for (JsonNode s : c.get("segments")) {
                want.add(s.isInt() ? "#" + s.asInt() : s.asText());
            }
            assertEquals(want, got);
            assertEquals(c.has("printed") ? c.get("printed").asText() : path.replace("'", ""), p.toString());
        }));
    }

    private static ObjectNode obj(String yaml) throws Exception {
        return (ObjectNode) Yaml.YAML.readTree(yaml);
    }

    @Test
    void readingDistinguishesNotFoundFromWrongKind() throws Exception {
        ObjectNode o = obj("spec: {a: null, s: text, list: [1]}");
        assertTrue(FieldPath.parse("spec.a").get(o).isNull(), "a present null value is returned as null");
        assertTrue(assertThrows(RenderException.class, () -> FieldPath.parse("spec.missing").get(o)).notFound());
        assertTrue(assertThrows(RenderException.class, () -> FieldPath.parse("spec.a.b").get(o)).notFound());
        assertTrue(assertThrows(RenderException.class, () -> FieldPath.parse("spec.list[3]").get(o)).notFound());
        RenderException wrong = assertThrows(RenderException.class, () -> FieldPath.parse("spec.s.x").get(o));
        assertFalse(wrong.notFound());
        assertEquals("spec.s: not an object", wrong.getMessage());
        assertEquals("spec.list: not an object",
                assertThrows(RenderException.class, () -> FieldPath.parse("spec.list.x").get(o)).getMessage());
        assertNull(FieldPath.parse("nope").find(o));
    }

    @Test
    void writingCreatesIntermediateObjectsAndArrays() throws Exception {
        ObjectNode o = obj("spec: {tags: [a]}");
        FieldPath.parse("spec.forProvider.rules[2].name").set(o, GoValues.NODES.textNode("x"));
        FieldPath.parse("spec.tags[2]").set(o, GoValues.NODES.textNode("c"));
        FieldPath.parse("metadata.labels[crossplane.io/claim-name]").set(o, GoValues.NODES.textNode("db"));
        assertEquals(obj("spec: {tags: [a, null, c], forProvider: {rules: [null, null, {name: x}]}}\n"
                + "metadata: {labels: {crossplane.io/claim-name: db}}"), o);
    }

    @Test
    void writingThroughScalarsAndHugeIndexesFails() throws Exception {
        ObjectNode o = obj("spec: {s: text, n: null}");
        assertEquals("spec.s is not an object", assertThrows(RenderException.class,
                () -> FieldPath.parse("spec.s.x").set(o, GoValues.NODES.textNode("v"))).getMessage());
        assertEquals("spec.n is not an object", assertThrows(RenderException.class,
                () -> FieldPath.parse("spec.n.x").set(o, GoValues.NODES.textNode("v"))).getMessage());
        assertTrue(assertThrows(RenderException.class,
                () -> FieldPath.parse("spec.list[5000]").set(o, GoValues.NODES.textNode("v"))).getMessage()
                .contains("greater than max allowed index"));
    }

    @Test
    void wildcardsExpandAgainstExistingElements() throws Exception {
        ObjectNode o = obj("spec: {rules: [{a: 1}, {a: 2}], empty: []}");
        assertEquals(2, FieldPath.parse("spec.rules[*].a").expand(o).size());
        assertEquals(0, FieldPath.parse("spec.empty[*].a").expand(o).size());
        assertEquals(0, FieldPath.parse("spec.none[*].a").expand(o).size());
    }
}
