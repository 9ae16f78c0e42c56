package io.xp2aso.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.capz.CapzObjects;
import io.xp2aso.mapping.SchemaValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates migrate --aks-target capz output against the real CRDs: CAPI and CAPZ objects against
 * ../shared/reference/capz/crds, the ASO objects CAPZ embeds in spec.resources and every plain ASO object against
 * ../shared/reference/aso/crds (unknown fields are errors in both).
 */
public final class CapzSchemas {
    private final SchemaValidator capz = SchemaValidator.forPath(Shared.reference().resolve("capz/crds"));
    private final SchemaValidator aso = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));

    /** Problems as "what: path: message"; empty when the object and everything it embeds are valid. */
    public List<String> validate(String what, JsonNode object) {
        List<String> out = new ArrayList<>();
        if (!CapzObjects.isCapi(object)) {
            aso.validate(object).forEach(p -> out.add(what + ": " + p));
            return out;
        }
        capz.validate(object).forEach(p -> out.add(what + ": " + p));
        List<ObjectNode> embedded = CapzObjects.resources(object);
        for (int i = 0; i < embedded.size(); i++) {
            String at = what + ": spec.resources[" + i + "]";
            aso.validate(embedded.get(i)).forEach(p -> out.add(at + ": " + p));
        }
        return out;
    }
}
