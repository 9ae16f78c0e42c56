package io.xp2aso.mapping;

import java.util.Map;

/**
 * Choices of the user for the map stage.
 * {@code targetNamespace}: namespace of ASO objects whose source has none (cluster-scoped XRs, lone MRs, v1 claims
 * keep theirs); null = "default". {@code subscriptionId}: used only to build ARM IDs of resources that are not
 * migrated, when no observed ID tells it; null = unknown. {@code versions}: chosen served version per ASO
 * "group/Kind" (e.g. from a scan of the cluster); a version the mapping file does not list is refused with a finding.
 * {@code observeOnly}: what an MR that only observes its resource becomes ({@link ObserveOnly}; null: skip-object).
 */
public record MapOptions(String targetNamespace, String subscriptionId, Map<String, String> versions,
                         ObserveOnly observeOnly) {
    public static final String DEFAULT_NAMESPACE = "default";

    public MapOptions {
        observeOnly = observeOnly == null ? ObserveOnly.SKIP_OBJECT : observeOnly;
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        targetNamespace = targetNamespace == null || targetNamespace.isBlank() ? null : targetNamespace;
        subscriptionId = subscriptionId == null || subscriptionId.isBlank() ? null : subscriptionId;
    }

    public MapOptions(String targetNamespace, String subscriptionId, Map<String, String> versions) {
        this(targetNamespace, subscriptionId, versions, ObserveOnly.SKIP_OBJECT);
    }

    public static MapOptions defaults() {
        return new MapOptions(null, null, Map.of());
    }

    public MapOptions withTargetNamespace(String ns) {
        return new MapOptions(ns, subscriptionId, versions, observeOnly);
    }

    public MapOptions withObserveOnly(ObserveOnly o) {
        return new MapOptions(targetNamespace, subscriptionId, versions, o);
    }
}
