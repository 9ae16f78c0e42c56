package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One status condition (Ready, Synced, Healthy, ...), with its reason and message. */
public record ConditionSummary(String type, String status, String reason, String message) {
    private static final int MAX_MESSAGE = 500;

    public boolean isTrue() {
        return status.equals("True");
    }

    static List<ConditionSummary> read(JsonNode object) {
        List<ConditionSummary> out = new ArrayList<>();
        for (JsonNode c : object.path("status").path("conditions")) {
            out.add(new ConditionSummary(Text.clean(c.path("type").asText("")), Text.clean(c.path("status").asText("")),
                    Text.clean(c.path("reason").asText("")), Text.clip(c.path("message").asText(""), MAX_MESSAGE)));
        }
        return out;
    }
}
