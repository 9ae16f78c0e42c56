package io.xp2aso.handoff;

import io.xp2aso.model.ObservedIndex;

import java.util.Set;

/**
 * Plan settings: the namespace of the ASO operator (for its global credential secret), bounded waits, and units
 * whose drift between desired and observed state was reviewed and accepted, and the live objects (to see which
 * claims Argo CD tracks: its label and annotation exist only on live objects).
 */
public record PlanOptions(String asoNamespace, long timeoutSeconds, long pollSeconds, Set<String> acceptDrift,
                          ObservedIndex observed) {
    public static final String DEFAULT_ASO_NAMESPACE = "azureserviceoperator-system";

    public PlanOptions {
        acceptDrift = Set.copyOf(acceptDrift);
        observed = observed == null ? ObservedIndex.EMPTY : observed;
    }

    public static PlanOptions defaults() {
        return new PlanOptions(DEFAULT_ASO_NAMESPACE, 600, 5, Set.of(), ObservedIndex.EMPTY);
    }

    public PlanOptions withObserved(ObservedIndex o) {
        return new PlanOptions(asoNamespace, timeoutSeconds, pollSeconds, acceptDrift, o);
    }
}
