package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims and XRs get their XRD's schema defaults and are validated against it, as the API server does. */
class XrdSchemaTest {
    static ComposeResult result;
    static String claims;

    @BeforeAll
    static void compose() throws Exception {
        Path dir = Path.of(XrdSchemaTest.class.getResource("/compose/xrd-schema").toURI());
        claims = dir.resolve("claims.yaml").toString();
        Estate estate = new Estate(SourceReader.read(List.of(dir.toString()), System.in));
        result = new Composer().compose(estate, ObservedIndex.EMPTY);
    }

    static Unit unit(String id) {
        return result.units().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    static JsonNode vnet(Unit u) {
        return u.resources().stream().filter(r -> r.resourceName().equals("vnet")).findFirst().orElseThrow().object();
    }

    static List<Finding> schemaErrors(Unit u) {
        return u.findings().stream().filter(f -> f.code().equals("xrd-schema")).toList();
    }

    @Test
    void claimDefaultsReachTheXrAndTheComposedResources() {
        Unit u = unit("team/good");
        assertEquals(List.of(), schemaErrors(u));
        JsonNode p = u.composite().path("spec").path("parameters");
        assertEquals("GRS", p.path("replication").asText());
        assertEquals(3, p.path("nodeCount").asInt());
        assertEquals("Standard_D2s_v3", p.path("pools").path(0).path("size").asText(), "defaults inside list items");
        assertTrue(p.path("note").isNull(), "a nullable null is kept, not defaulted");
        assertEquals("Free", p.path("tier").asText(), "a null the schema does not allow is dropped, then defaulted");
        JsonNode mr = vnet(u);
        assertEquals("GRS", mr.path("metadata").path("labels").path("replication").asText());
        assertEquals("Standard_D2s_v3", mr.path("metadata").path("labels").path("size").asText());
        assertEquals("[\"10.0.0.0/16\"]", mr.path("spec").path("forProvider").path("addressSpace").toString(),
                "default: {} on network brings addressSpace's default");
    }

    @Test
    void violationsAreErrorsAtTheFieldsLine() {
        Unit u = unit("team/bad");
        List<Finding> errors = schemaErrors(u);
        assertTrue(errors.stream().allMatch(f -> f.severity() == Severity.ERROR && f.origin().file().equals(claims)));
        assertEquals(List.of(22, 23, 24, 25, 26), errors.stream().map(f -> f.origin().line()).sorted().toList(),
                errors.toString());
        String all = errors.stream().map(Finding::message).toList().toString();
        assertTrue(all.contains("spec.parameters.location the string \"eastus\" is not one of [westeurope, northeurope]"), all);
        assertTrue(all.contains("spec.parameters.kubernetesVersion must be a string, not the number 1.3"), all);
        assertTrue(all.contains("spec.parameters.nodeCount 12 is above the maximum 10"), all);
        assertTrue(all.contains("spec.parameters.pools must have at most 3 items"), all);
        assertTrue(all.contains("spec.parameters.pools[0].name \"a-name-far-too-long\" is longer than 12 characters"), all);
        assertFalse(u.composite().path("spec").path("parameters").path("kubernetesVersion").isTextual(),
                "the number is not turned into a string");
    }

    @Test
    void anXrWithoutClaimIsDefaultedAndValidatedToo() {
        Unit u = unit("_cluster/lone");
        List<Finding> errors = schemaErrors(u);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith("spec.parameters.kubernetesVersion is required"), errors.toString());
        assertEquals(36, errors.get(0).origin().line());
        assertEquals("GRS", u.composite().path("spec").path("parameters").path("replication").asText());
        assertEquals("[\"10.0.0.0/16\"]", vnet(u).path("spec").path("forProvider").path("addressSpace").toString());
    }

    @Test
    void aNameTheApiServerRejectsIsAnErrorAtItsLine() {
        Unit u = unit("team/Équipe-db");
        List<Finding> errors = u.findings().stream().filter(f -> f.code().equals("invalid-name")).toList();
        assertEquals(1, errors.size(), u.findings().toString());
        assertEquals(Severity.ERROR, errors.get(0).severity());
        assertTrue(errors.get(0).message().contains("\"Équipe-db\": a lowercase RFC 1123 subdomain"), errors.toString());
        assertTrue(errors.get(0).origin().line() > 1, "at metadata.name's line: " + errors.get(0).origin());
        assertTrue(unit("team/good").findings().stream().noneMatch(f -> f.code().equals("invalid-name")));
    }
}
