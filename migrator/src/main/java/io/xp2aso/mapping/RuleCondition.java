package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code onlyIf} of a rule: the rule runs only when the value at {@code from} (read like the rule's own from: in the
 * MR, or in the list item inside each/fields) equals {@code equals}, compared as text (so {@code false} matches a
 * boolean false). An absent value counts as {@code defaultValue}; with no default it is reported, not guessed.
 */
public record RuleCondition(String from, JsonNode equals, JsonNode defaultValue) {
    boolean holds(JsonNode value) {
        JsonNode v = value != null ? value : defaultValue;
        if (v == null) {
            throw new Transforms.Failure("the condition field `" + from + "` (onlyIf) is not set, so the rule cannot tell whether it applies");
        }
        return v.isValueNode() && v.asText().equals(equals.asText());
    }
}
