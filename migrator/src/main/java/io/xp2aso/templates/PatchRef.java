package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.compose.Patch;

/**
 * Patch k of a chart: the composed resource it writes, its compiled form (what the renderer runs) and its source
 * form (what the translation reads: compiled transforms are opaque). {@code where} names it for messages;
 * {@code environment}: it reads the environment ({@code $env}) rather than the XR ({@code $xr}).
 */
record PatchRef(int k, String resource, Patch patch, JsonNode raw, boolean pipeline, String where, boolean environment) {
    String id() {
        return "p" + k;
    }
}
