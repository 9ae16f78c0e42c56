package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift cases of drift-cases.yaml. */
class DriftDetectorTest {
    @Test
    void everyCase() {
        List<JsonNode> cases = MockCluster.docs(MockCluster.read("drift-cases.yaml"));
        assertTrue(cases.size() >= 9);
        for (JsonNode c : cases) {
            List<String> expected = new ArrayList<>();
            c.path("expect").forEach(e -> expected.add(e.asText()));
            List<String> actual = DriftDetector.compare(c.path("forProvider"), c.path("atProvider")).stream()
                    .map(DriftField::path).toList();
            assertEquals(expected, actual, c.path("name").asText());
        }
    }

    @Test
    void keepsBothValuesAndClipsLongOnes() {
        JsonNode c = MockCluster.docs("forProvider: {a: x, b: " + "y".repeat(300) + "}\natProvider: {a: z, b: w}\n").get(0);
        List<DriftField> d = DriftDetector.compare(c.path("forProvider"), c.path("atProvider"));
        assertEquals(new DriftField("spec.forProvider.a", "x", "z"), d.get(0));
        assertEquals(201, d.get(1).desired().length());
    }
}
