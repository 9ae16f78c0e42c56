package io.xp2aso.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SarifLogTest {
    @Test
    void rulesTakeTheirMostSevereLevelAndResultsTheirLocation() {
        Map<String, Severity> rules = new TreeMap<>();
        SarifLog.use(rules, "drift", Severity.INFO);
        SarifLog.use(rules, "drift", Severity.WARNING);
        SarifLog.use(rules, "a-rule", Severity.ERROR);
        SarifLog log = new SarifLog("1.2.3", rules, null, code -> code);
        SarifLog.physical(SarifLog.location(log.result(Severity.WARNING, "drift", "m"), "dir/a b.yaml"), "dir/a b.yaml", 7);
        assertNull(SarifLog.location(log.result(Severity.ERROR, "a-rule", "live"), "cluster:ctx/v1/Secret/ns/x"));
        assertNull(SarifLog.location(log.result(Severity.ERROR, "a-rule", "stdin"), "<stdin>"));
        assertThrows(IllegalArgumentException.class, () -> log.result(Severity.ERROR, "unknown", "m"));

        ObjectNode run = (ObjectNode) log.root().path("runs").get(0);
        assertEquals("a-rule", run.at("/tool/driver/rules/0/id").asText());
        assertEquals("warning", run.at("/tool/driver/rules/1/defaultConfiguration/level").asText());
        assertEquals(1, run.at("/results/0/ruleIndex").asInt());
        assertEquals("dir/a%20b.yaml", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(SarifLog.SRCROOT, run.at("/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(7, run.at("/results/0/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("ctx/v1/Secret/ns/x",
                run.at("/results/1/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals(true, run.at("/results/2/locations").isMissingNode());
    }
}
