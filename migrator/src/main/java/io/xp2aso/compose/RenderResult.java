package io.xp2aso.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;

import java.util.List;

/**
 * What rendering one XR produced: the XR as Crossplane would leave it, the desired composed resources, findings
 * (warnings Crossplane would emit as events or function results), the connection details it would publish, and
 * {@code fatal} when Crossplane would fail the whole render (then {@code resources} is empty).
 * {@code incomplete} is true when a step this tool does not run could compose further resources.
 */
public record RenderResult(ObjectNode xr, List<RenderedResource> resources, List<Finding> findings,
                           List<ConnectionDetail> connectionDetails, String fatal, boolean incomplete) {
    public RenderResult {
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
        connectionDetails = List.copyOf(connectionDetails);
    }

    public boolean failed() {
        return fatal != null;
    }
}
