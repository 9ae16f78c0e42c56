package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class TransformsTest {
    @TestFactory
    Stream<DynamicTest> transformsLikeCrossplane() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.list("transforms.yaml")) {
            List<Engine> engines = c.has("engine") ? List.of(Engine.valueOf(c.get("engine").asText())) : List.of(Engine.values());
            for (Engine engine : engines) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " [" + engine + "]", () -> run(c, engine)));
            }
        }
        return tests.stream();
    }

    private static void run(JsonNode c, Engine engine) {
        if (c.has("compileError")) {
            RenderException e = assertThrows(RenderException.class, () -> Transforms.compile(c.get("transforms"), engine));
            assertContains(c.get("compileError").asText(), e.getMessage());
            return;
        }
        Transforms t = Transforms.compile(c.get("transforms"), engine);
        JsonNode input = c.get("input");
        if (c.has("error")) {
            RenderException e = assertThrows(RenderException.class, () -> t.apply(input));
            assertContains(c.get("error").asText(), e.getMessage());
            return;
        }
        JsonNode got = t.apply(input);
        if (!GoValues.deepEqual(c.get("want"), got)) {
            fail("want " + GoValues.typeName(c.get("want")) + " " + c.get("want") + ", got " + GoValues.typeName(got) + " " + got);
        }
    }

    static void assertContains(String want, String got) {
        assertTrue(got.contains(want), "expected error containing <" + want + "> but was <" + got + ">");
    }
}
