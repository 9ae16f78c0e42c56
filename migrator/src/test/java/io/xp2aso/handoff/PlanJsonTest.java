package io.xp2aso.handoff;

import io.xp2aso.source.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanJsonTest {
    @Test
    void rejectsMalformedJsonWithItsLine() {
        InputException e = assertThrows(InputException.class, () -> PlanJson.parse("p.json", "{\n  \"schemaVersion\": 1,\n  oops\n}"));
        assertTrue(e.render().startsWith("error: p.json:3: not valid JSON"), e.render());
    }

    @Test
    void rejectsUnknownSchemaVersion() {
        InputException e = assertThrows(InputException.class, () -> PlanJson.parse("p.json", "{\"schemaVersion\": 1}"));
        assertTrue(e.getMessage().contains("schemaVersion 1 is not supported (this xp2aso reads 2)"), e.getMessage());
    }

    @Test
    void rejectsWhatIsNotAPlan() {
        assertTrue(assertThrows(InputException.class, () -> PlanJson.parse("p.json", "[1]")).getMessage()
                .contains("expected a JSON object"));
        assertTrue(assertThrows(InputException.class, () -> PlanJson.parse("p.json", "{\"units\": []}")).getMessage()
                .contains("schemaVersion is missing"));
    }

    @Test
    void rejectsMissingAndUnknownFields() {
        String missing = "{\"schemaVersion\":2,\"sequences\":{},\"asoNamespace\":\"x\",\"timeoutSeconds\":600,\"pollSeconds\":5}";
        assertTrue(assertThrows(InputException.class, () -> PlanJson.parse("p.json", missing)).getMessage()
                .startsWith("invalid plan"));
        String unknown = "{\"schemaVersion\":2,\"sequences\":{},\"asoNamespace\":\"x\",\"timeoutSeconds\":600,\"pollSeconds\":5,\"units\":[],\"extra\":1}";
        assertTrue(assertThrows(InputException.class, () -> PlanJson.parse("p.json", unknown)).getMessage()
                .startsWith("invalid plan"));
    }

    @Test
    void rejectsNonPositiveWaits() {
        String p = "{\"schemaVersion\":2,\"sequences\":{},\"asoNamespace\":\"x\",\"timeoutSeconds\":0,\"pollSeconds\":5,\"units\":[]}";
        assertTrue(assertThrows(InputException.class, () -> PlanJson.parse("p.json", p)).getMessage()
                .contains("must be positive"));
    }

    @Test
    void acceptsAnEmptyPlan() {
        Plan p = PlanJson.parse("p.json", "{\"schemaVersion\":2,\"sequences\":{},\"asoNamespace\":\"x\",\"timeoutSeconds\":600,\"pollSeconds\":5,\"units\":[]}");
        assertEquals(0, p.units().size());
    }
}
