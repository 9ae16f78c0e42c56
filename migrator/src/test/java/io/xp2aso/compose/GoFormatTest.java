package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoFormatTest {
    @TestFactory
    Stream<DynamicTest> formatsLikeGo() {
        return Fixtures.list("goformat.yaml").stream().map(c -> DynamicTest.dynamicTest(
                c.get("fmt").asText() + " " + c.get("args"), () -> {
                    List<JsonNode> args = new ArrayList<>();
                    c.get("args").forEach(args::add);
                    assertEquals(c.get("want").asText(), GoFormat.sprintf(c.get("fmt").asText(), args));
                }));
    }
}
