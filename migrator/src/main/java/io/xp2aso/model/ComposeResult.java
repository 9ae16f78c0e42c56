package io.xp2aso.model;

import java.util.List;

/** The compose stage's result: every unit with its rendered MRs, and findings not tied to one unit. */
public record ComposeResult(List<Unit> units, List<Finding> findings) {
    public ComposeResult {
        units = List.copyOf(units);
        findings = List.copyOf(findings);
    }
}
