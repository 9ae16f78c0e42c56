package io.xp2aso.handoff;

import java.util.List;
import java.util.Optional;

/**
 * The ownership-handoff plan written to handoff/plan.json. {@code schemaVersion} changes when a field changes
 * meaning (2: compact, one line per unit, steps written once per kind of unit); readers refuse versions they do not know. Waits are bounded by {@code timeoutSeconds}.
 */
public record Plan(int schemaVersion, String asoNamespace, long timeoutSeconds, long pollSeconds,
                   List<UnitPlan> units) {
    public static final int SCHEMA_VERSION = 2;

    public Plan {
        units = List.copyOf(units);
    }

    public Optional<UnitPlan> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }
}
