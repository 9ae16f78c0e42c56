package io.xp2aso.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

/**
 * An XR composed by another XR of the unit (a Composition may compose XRs beside MRs). Its own MRs are in the
 * unit's resources, so the whole tree is handed over together. {@code parent} names the XR that composes it
 * ("Kind/name"), {@code depth} is 1 for an XR the unit's XR composes directly; the unit lists nested XRs parents
 * first. {@code observed} is the live object when known (else null).
 */
public record NestedComposite(String resourceName, ObjectNode object, Origin origin, Manifest observed, String parent,
                              int depth, String composition) {
    public String kind() {
        return object.path("kind").asText("");
    }

    public String name() {
        return object.path("metadata").path("name").asText("");
    }
}
