package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * function-auto-ready reads no input; a step that gives one anyway (some public Compositions do) is still the
 * auto-ready step. It used to be an unsupported step, so units that rendered were reported `resources-unknown`.
 */
class AutoReadyInputTest {
    @Test
    void anAutoReadyStepWithAnInputIsStillAutoReady() throws Exception {
        JsonNode spec = Yaml.YAML.readTree("""
                compositeTypeRef: {apiVersion: example.org/v1, kind: XThing}
                mode: Pipeline
                pipeline:
                  - step: ready
                    functionRef: {name: function-auto-ready}
                    input:
                      apiVersion: auto-ready.fn.crossplane.io/v1beta1
                      kind: Input
                """);
        CompiledComposition c = CompiledComposition.compile(RenderTest.composition(spec));
        assertEquals(1, c.steps().size());
        assertInstanceOf(Step.AutoReady.class, c.steps().get(0));
    }
}
