package io.xp2aso.inventory;

/**
 * A provider's ProviderConfig (or ClusterProviderConfig): where its credentials come from. A Secret is named
 * (namespace/name and key) but never read.
 */
public record ProviderConfigSummary(ObjectRef ref, String credentialsSource, String secretRef) {
}
