package io.xp2aso.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A Crossplane managed resource of a unit as the handoff needs it. {@code namespacedV2} is true for Crossplane v2
 * namespaced MRs ({@code *.m.upbound.io}) that have managementPolicies but no deletionPolicy. The original
 * policies are what the plan found (the executor records the live ones before changing them).
 * {@code azureId} is status.atProvider.id ("" when the cluster was not observed; read live in preflight).
 * {@code drift} lists fields whose desired value differs from the observed one. {@code preview} is the takeover
 * preview migrate computed from status.atProvider (what ASO's first PUT would change), shown in plan.md; the
 * executor shows and gates the live one. {@code noObject}: the MR only observes its resource and migrate was run
 * with --observe-only none, so it has no ASO object (written only when true).
 */
public record ManagedHandoff(ObjectRef ref, String resourceName, boolean namespacedV2, String externalName,
                             String azureId, String deletionPolicy, List<String> managementPolicies,
                             List<ObjectRef> targets, List<String> drift, List<SecretCopy> secrets,
                             List<String> preview,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noObject) {
    public ManagedHandoff(ObjectRef ref, String resourceName, boolean namespacedV2, String externalName, String azureId,
                          String deletionPolicy, List<String> managementPolicies, List<ObjectRef> targets,
                          List<String> drift, List<SecretCopy> secrets, List<String> preview) {
        this(ref, resourceName, namespacedV2, externalName, azureId, deletionPolicy, managementPolicies, targets, drift,
                secrets, preview, false);
    }

    public ManagedHandoff {
        // plan.json leaves out empty values: read back, they are empty again
        resourceName = resourceName == null ? "" : resourceName;
        externalName = externalName == null ? "" : externalName;
        azureId = azureId == null ? "" : azureId;
        deletionPolicy = deletionPolicy == null ? "" : deletionPolicy;
        managementPolicies = managementPolicies == null ? List.of() : List.copyOf(managementPolicies);
        targets = targets == null ? List.of() : List.copyOf(targets);
        drift = drift == null ? List.of() : List.copyOf(drift);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        preview = preview == null ? List.of() : List.copyOf(preview);
    }
}
