package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PatchesTest {
    @TestFactory
    Stream<DynamicTest> patchesLikeCrossplane() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.list("patches.yaml")) {
            List<Engine> engines = c.has("engine") ? List.of(Engine.valueOf(c.get("engine").asText())) : List.of(Engine.values());
            for (Engine engine : engines) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " [" + engine + "]", () -> run(c, engine)));
            }
        }
        return tests.stream();
    }

    private static void run(JsonNode c, Engine engine) {
        if (c.has("compileError")) {
            RenderException e = assertThrows(RenderException.class, () -> Patch.compile(c.get("patch"), engine, "patch"));
            TransformsTest.assertContains(c.get("compileError").asText(), e.getMessage());
            return;
        }
        Patch p = Patch.compile(c.get("patch"), engine, "patch");
        ObjectNode from = GoValues.roundTrip(c.get("from").deepCopy()).deepCopy();
        ObjectNode to = (ObjectNode) GoValues.roundTrip(c.get("to").deepCopy());
        if (c.path("notFound").asBoolean(false)) {
            RenderException e = assertThrows(RenderException.class, () -> PatchApplier.apply(p, from, to));
            assertTrue(e.notFound(), "expected NotFound, got " + e.getMessage());
            return;
        }
        if (c.has("error")) {
            RenderException e = assertThrows(RenderException.class, () -> PatchApplier.apply(p, from, to));
            TransformsTest.assertContains(c.get("error").asText(), e.getMessage());
            return;
        }
        PatchApplier.apply(p, from, to);
        JsonNode want = GoValues.roundTrip(c.get("want").deepCopy());
        if (!GoValues.deepEqual(want, to)) {
            fail("want " + want + ", got " + to);
        }
    }

    @Test
    void patchSetsAreInlinedInOrderAndMayNotNest() throws Exception {
        JsonNode sets = io.xp2aso.source.Yaml.YAML.readTree("""
                common: [{fromFieldPath: a}, {fromFieldPath: b}]
                """);
        JsonNode patches = io.xp2aso.source.Yaml.YAML.readTree("""
                - {fromFieldPath: x}
                - {type: PatchSet, patchSetName: common}
                - {fromFieldPath: y}
                """);
        List<Patch> out = Patch.compileAll(patches, Map.of("common", sets.get("common")), Engine.PT, "");
        assertEquals(List.of("x", "a", "b", "y"), out.stream().map(p -> p.from().text()).toList());
        JsonNode missing = io.xp2aso.source.Yaml.YAML.readTree("[{type: PatchSet, patchSetName: nope}]");
        TransformsTest.assertContains("cannot find PatchSet by name nope",
                assertThrows(RenderException.class, () -> Patch.compileAll(missing, Map.of(), Engine.PT, "")).getMessage());
        JsonNode nested = io.xp2aso.source.Yaml.YAML.readTree("[{type: PatchSet, patchSetName: inner}]");
        TransformsTest.assertContains("cannot be of type PatchSet", assertThrows(RenderException.class,
                () -> Patch.compileAll(io.xp2aso.source.Yaml.YAML.readTree("[{type: PatchSet, patchSetName: outer}]"),
                        Map.of("outer", nested), Engine.PT, "")).getMessage());
    }
}
