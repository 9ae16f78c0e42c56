package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An ASO resource to apply, with reconcile-policy skip set. {@code azureId} is the ARM ID it must report
 * (the source MR's; "" when unknown until preflight reads it live). {@code primary} is false for a target that is
 * not the MR's own resource (e.g. a default child), whose ID is not compared. {@code source} is the MR.
 */
public record AsoTarget(ObjectRef ref, ObjectRef source, boolean primary, String azureId, ObjectNode manifest) {
}
