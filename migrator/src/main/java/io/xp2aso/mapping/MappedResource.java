package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Finding;

import java.util.List;

/**
 * One source MR and what it became: zero or more ASO objects (zero when it was folded into another MR's
 * target, or its kind has no mapping), the forProvider field paths nobody mapped, and findings.
 */
public record MappedResource(ComposedResource source, List<ObjectNode> targets, List<String> unmapped,
                             List<Finding> findings) {
    public MappedResource {
        targets = List.copyOf(targets);
        unmapped = List.copyOf(unmapped);
        findings = List.copyOf(findings);
    }
}
