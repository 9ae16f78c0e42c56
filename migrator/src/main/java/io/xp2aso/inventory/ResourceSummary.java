package io.xp2aso.inventory;

import io.xp2aso.model.ObjectKind;

import java.util.List;

/**
 * What the scan keeps of a claim, XR or MR: identity, links, health and safety settings. The raw object is
 * dropped once this is built, which keeps a scan of tens of thousands of objects within a small heap.
 * Fields that do not apply to the role are empty.
 */
public record ResourceSummary(ObjectRef ref, ObjectKind role, String uid, List<ConditionSummary> conditions,
                              boolean paused, boolean deleting, String deletionPolicy, List<String> managementPolicies,
                              List<DriftField> drift, ObjectRef resourceRef, List<ObjectRef> resourceRefs,
                              String controllerUid, String compositeLabel, String claimName, String claimNamespace,
                              String composition, String compositionRevision, String externalName,
                              String providerConfig) {
    public ResourceSummary {
        conditions = List.copyOf(conditions);
        managementPolicies = List.copyOf(managementPolicies);
        drift = List.copyOf(drift);
        resourceRefs = List.copyOf(resourceRefs);
    }

    public ConditionSummary condition(String type) {
        for (ConditionSummary c : conditions) {
            if (c.type().equals(type)) {
                return c;
            }
        }
        return null;
    }

    public boolean ready() {
        ConditionSummary c = condition("Ready");
        return c != null && c.isTrue();
    }

    public boolean synced() {
        ConditionSummary c = condition("Synced");
        return c != null && c.isTrue();
    }

    /** Ready=True and Synced=True. */
    public boolean healthy() {
        return ready() && synced();
    }

    public boolean drifting() {
        return !drift.isEmpty();
    }

    /** The first condition that is not True among Ready and Synced, as "Type=Status (Reason): message". */
    public String problem() {
        for (String type : List.of("Ready", "Synced")) {
            ConditionSummary c = condition(type);
            if (c == null) {
                return type + " condition missing";
            }
            if (!c.isTrue()) {
                String s = type + "=" + c.status() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")");
                return c.message().isEmpty() ? s : s + ": " + c.message();
            }
        }
        return "";
    }
}
