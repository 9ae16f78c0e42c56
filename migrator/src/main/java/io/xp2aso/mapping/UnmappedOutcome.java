package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What ASO will do to a field the MR sets and the ASO spec leaves out. ASO sends the whole spec with a PUT, and ARM
 * resets a property the PUT omits to the API default; a property Azure does not hold is left as it is. The observed
 * status.atProvider says which of the two it is; without it the outcome is unknown and said so.
 */
final class UnmappedOutcome {
    /** Between the finding's description and the outcome: report.md shows the outcome beside the field. */
    static final String SEPARATOR = "; ASO: ";
    private static final int MAX_VALUE = 60;

    private UnmappedOutcome() {
    }

    static String of(boolean observed, JsonNode atProvider, String path) {
        if (!observed) {
            return "its first PUT omits the field, so Azure resets it to the API default unless Azure has no value for it; "
                    + "run with --observed to know which";
        }
        JsonNode live;
        try {
            live = FieldPath.read(atProvider, path);
        } catch (FieldPath.ListCrossed e) {
            return "reset to the API default: Azure has values for it (status.atProvider." + path + ") and the PUT omits them";
        }
        if (live == null || (live.isContainerNode() && live.isEmpty()) || (live.isTextual() && live.asText().isEmpty())) {
            return "kept: Azure has no value for it (status.atProvider), so the PUT changes nothing";
        }
        String v = live.isValueNode() ? live.asText() : live.toString();
        if (v.length() > MAX_VALUE) {
            v = v.substring(0, MAX_VALUE) + "...";
        }
        return "reset to the API default: Azure has `" + v + "` (status.atProvider) and the PUT omits it";
    }
}
