package io.xp2aso.handoff;

import java.util.Set;

/**
 * Plan settings: the namespace of the ASO operator (for its global credential secret), bounded waits, and units
 * whose drift between desired and observed state was reviewed and accepted.
 */
public record PlanOptions(String asoNamespace, long timeoutSeconds, long pollSeconds, Set<String> acceptDrift) {
    public static final String DEFAULT_ASO_NAMESPACE = "azureserviceoperator-system";

    public PlanOptions {
        acceptDrift = Set.copyOf(acceptDrift);
    }

    public static PlanOptions defaults() {
        return new PlanOptions(DEFAULT_ASO_NAMESPACE, 600, 5, Set.of());
    }
}
