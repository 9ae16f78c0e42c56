package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RenderTest {
    @TestFactory
    Stream<DynamicTest> rendersLikeCrossplane() {
        return Fixtures.list("render.yaml").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> run(c)));
    }

    /** function-go-templating steps, rendered with Helm's engine. */
    @TestFactory
    Stream<DynamicTest> rendersGoTemplatesLikeTheFunction() {
        return Fixtures.list("gotemplating.yaml").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> run(c)));
    }

    static CompositionDef composition(JsonNode spec) {
        ObjectNode m = GoValues.NODES.objectNode();
        m.put("apiVersion", "apiextensions.crossplane.io/v1");
        m.put("kind", "Composition");
        m.putObject("metadata").put("name", "test");
        m.set("spec", spec.deepCopy());
        return new CompositionDef(new Manifest(m, new Origin("composition.yaml", 1)));
    }

    private static void run(JsonNode c) {
        CompiledComposition comp = CompiledComposition.compile(composition(c.get("composition")));
        List<Manifest> envs = new ArrayList<>();
        c.path("environmentConfigs").forEach(e -> envs.add(new Manifest((ObjectNode) e, new Origin("env.yaml", 1))));
        Map<String, ObjectNode> observed = new LinkedHashMap<>();
        for (JsonNode o : c.path("observed")) {
            observed.put(o.path("metadata").path("annotations").path(ComposedMetadata.RESOURCE_NAME).asText(),
                    (ObjectNode) GoValues.roundTrip(o.deepCopy()));
        }
        ObjectNode xr = (ObjectNode) GoValues.roundTrip(c.get("xr").deepCopy());
        List<Manifest> extra = new ArrayList<>();
        c.path("extraResources").forEach(e -> extra.add(new Manifest((ObjectNode) e, new Origin("extra.yaml", 1))));
        RenderResult r = new Renderer(new EnvironmentConfigs(envs), new ExtraResourceIndex(extra, List.of())).render(comp, xr, c.path("namespaced").asBoolean(false), observed);
        JsonNode want = c.get("want");
        List<String> codes = r.findings().stream().map(Finding::code).toList();
        if (want.has("fatal")) {
            assertNotNull(r.fatal(), "expected a fatal error; findings " + r.findings());
            TransformsTest.assertContains(want.get("fatal").asText(), r.fatal());
            if (want.has("fatalLine")) {
                Finding f = r.findings().stream().filter(x -> x.code().equals("render-failed")).findFirst().orElseThrow();
                assertEquals(want.get("fatalLine").asInt(), f.origin().line(), "template line of " + f);
            }
        } else {
            assertNull(r.fatal(), "unexpected fatal error");
        }
        if (want.has("resources")) {
            List<String> names = new ArrayList<>();
            want.get("resources").forEach(n -> names.add(n.asText()));
            assertEquals(names, r.resources().stream().map(RenderedResource::name).toList());
        }
        for (Iterator<String> it = want.path("objects").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            RenderedResource res = r.resources().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no rendered resource " + name));
            assertSubset(name, GoValues.roundTrip(want.get("objects").get(name).deepCopy()), res.object());
        }
        if (want.has("xr")) {
            assertSubset("xr", GoValues.roundTrip(want.get("xr").deepCopy()), r.xr());
        }
        for (JsonNode code : want.path("errors")) {
            assertTrue(r.findings().stream().anyMatch(f -> f.code().equals(code.asText()) && f.severity() == Severity.ERROR),
                    "expected error " + code.asText() + " in " + r.findings());
        }
        for (JsonNode code : want.path("findings")) {
            assertTrue(codes.contains(code.asText()), "expected finding " + code.asText() + " in " + r.findings());
        }
        if (want.has("incomplete")) {
            assertEquals(want.get("incomplete").asBoolean(), r.incomplete());
        }
    }

    static void assertSubset(String where, JsonNode want, JsonNode got) {
        if (want.isObject()) {
            if (got == null || !got.isObject()) {
                fail(where + ": want object " + want + ", got " + got);
            }
            for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                assertSubset(where + "." + k, want.get(k), got.get(k));
            }
            return;
        }
        if (!GoValues.deepEqual(want, got)) {
            fail(where + ": want " + want + ", got " + got);
        }
    }
}
