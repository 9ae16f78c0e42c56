package io.xp2aso.handoff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An ASO resource to apply, with reconcile-policy skip set. {@code azureId} is the ARM ID it must report
 * (the source MR's; "" when unknown until preflight reads it live). {@code primary} is false for a target that is
 * not the MR's own resource (e.g. a default child), whose ID is not compared. {@code source} is the MR.
 * {@code handoverPolicy} is the reconcile-policy it keeps after the handoff ({@link HandoverPolicy}); absent
 * (null) means manage, so plans of units without observe-only or orphaning MRs read as before.
 */
public record AsoTarget(ObjectRef ref, ObjectRef source, boolean primary, String azureId, ObjectNode manifest,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String handoverPolicy) {
    public AsoTarget {
        azureId = azureId == null ? "" : azureId;
        handoverPolicy = Keys.POLICY_MANAGE.equals(handoverPolicy) ? null : handoverPolicy;
    }

    public AsoTarget(ObjectRef ref, ObjectRef source, boolean primary, String azureId, ObjectNode manifest) {
        this(ref, source, primary, azureId, manifest, null);
    }

    /** manage, detach-on-delete or skip. */
    @JsonIgnore
    public String policyAfterHandover() {
        return handoverPolicy == null || handoverPolicy.isEmpty() ? Keys.POLICY_MANAGE : handoverPolicy;
    }

    public AsoTarget withPolicy(String policy) {
        return new AsoTarget(ref, source, primary, azureId, manifest, policy);
    }
}
