package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ObservedIndex;

import java.util.Map;
import java.util.Set;

/**
 * Plan settings: the namespace of the ASO operator (for its global credential secret), bounded waits, and units
 * whose drift between desired and observed state was reviewed and accepted, and the live objects (to see which
 * claims Argo CD tracks: its label and annotation exist only on live objects).
 */
public record PlanOptions(String asoNamespace, long timeoutSeconds, long pollSeconds, Set<String> acceptDrift,
                          ObservedIndex observed, Map<ObjectNode, String> renderedYaml) {
    public static final String DEFAULT_ASO_NAMESPACE = "azureserviceoperator-system";

    /**
     * {@code renderedYaml}: YAML already rendered for ASO objects (by identity: the ASO tree's files), which the plan's
     * apply commands reuse for the very same objects instead of rendering them again.
     */
    public PlanOptions {
        acceptDrift = Set.copyOf(acceptDrift);
        observed = observed == null ? ObservedIndex.EMPTY : observed;
        renderedYaml = renderedYaml == null ? Map.of() : renderedYaml;
    }

    public static PlanOptions defaults() {
        return new PlanOptions(DEFAULT_ASO_NAMESPACE, 600, 5, Set.of(), ObservedIndex.EMPTY, Map.of());
    }

    public PlanOptions withObserved(ObservedIndex o) {
        return new PlanOptions(asoNamespace, timeoutSeconds, pollSeconds, acceptDrift, o, renderedYaml);
    }

    public PlanOptions withRenderedYaml(Map<ObjectNode, String> yaml) {
        return new PlanOptions(asoNamespace, timeoutSeconds, pollSeconds, acceptDrift, observed, yaml);
    }
}
