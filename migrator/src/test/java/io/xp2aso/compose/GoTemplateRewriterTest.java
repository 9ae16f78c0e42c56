package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rewriter and Helm's engine on Go template syntax (gotemplate-lexer.yaml). */
class GoTemplateRewriterTest {
    @TestFactory
    Stream<DynamicTest> rendersGoTemplateSyntaxAsGo() {
        return Fixtures.list("gotemplate-lexer.yaml").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> run(c)));
    }

    private static void run(JsonNode c) {
        ObjectNode data = c.has("data") ? (ObjectNode) GoValues.roundTrip(c.get("data").deepCopy()) : GoValues.NODES.objectNode();
        String template = c.get("template").asText();
        if (c.has("want")) {
            GoTemplateRewriter.Rewritten r = GoTemplateRewriter.rewrite(template, "{{", "}}");
            assertEquals(c.get("want").asText(), HelmTemplates.render(r, data, Map.of()));
            return;
        }
        String message;
        int line;
        try {
            GoTemplateRewriter.Rewritten r = GoTemplateRewriter.rewrite(template, "{{", "}}");
            HelmTemplates.Failure f = assertThrows(HelmTemplates.Failure.class, () -> HelmTemplates.render(r, data, Map.of()));
            message = f.getMessage();
            line = f.line;
        } catch (GoTemplateLexer.Error e) {
            message = e.getMessage();
            line = e.line;
        }
        TransformsTest.assertContains(c.get("error").asText(), message);
        if (c.has("line")) {
            assertEquals(c.get("line").asInt(), line, message);
        }
    }
}
