package io.xp2aso.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

/**
 * A managed resource of a unit: rendered from a Composition (resourceName is the
 * {@code crossplane.io/composition-resource-name}) or read as-is (resourceName empty).
 * {@code origin} points at the template in the Composition, or at the MR's own file.
 * {@code observed} is the live object from --observed or the cluster, when known (else null).
 */
public record ComposedResource(String resourceName, ObjectNode object, Origin origin, Manifest observed) {
    public Manifest asManifest() {
        return new Manifest(object, origin);
    }

    public boolean hasObserved() {
        return observed != null;
    }
}
