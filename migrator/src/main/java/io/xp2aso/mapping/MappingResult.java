package io.xp2aso.mapping;

import io.xp2aso.model.Finding;

import java.util.List;

/** The map stage's result: every unit mapped, and findings not tied to one resource. */
public record MappingResult(List<MappedUnit> units, List<Finding> findings) {
    public MappingResult {
        units = List.copyOf(units);
        findings = List.copyOf(findings);
    }
}
