package io.xp2aso.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Origin;

/**
 * One desired composed resource: its composition resource name, the rendered object, the template's origin,
 * the observed live object when known (else null) and whether its readiness checks pass on that observed object.
 */
public record RenderedResource(String name, ObjectNode object, Origin origin, ObjectNode observed, boolean ready) {
}
