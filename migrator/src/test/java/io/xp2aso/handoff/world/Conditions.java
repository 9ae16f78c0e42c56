package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** Sets status conditions the way controllers do: lastTransitionTime moves only when the status changes. */
final class Conditions {
    private Conditions() {
    }

    static void set(ObjectNode obj, String type, String status, String reason, String message, Instant now) {
        ObjectNode st = obj.with("status");
        ArrayNode conds = st.withArray("conditions");
        ObjectNode c = null;
        for (JsonNode x : conds) {
            if (type.equals(x.path("type").asText())) {
                c = (ObjectNode) x;
            }
        }
        if (c == null) {
            c = conds.addObject();
            c.put("type", type);
        }
        if (!status.equals(c.path("status").asText())) {
            c.put("lastTransitionTime", now.toString());
        }
        c.put("status", status);
        c.put("reason", reason);
        c.put("message", message);
        // int, as the API server's JSON reads back: an IntNode never equals a LongNode
        c.put("observedGeneration", obj.path("metadata").path("generation").asInt(0));
    }
}
