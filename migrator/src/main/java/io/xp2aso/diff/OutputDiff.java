package io.xp2aso.diff;

import io.xp2aso.model.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What changes between the migrate outputs of two refs: what Crossplane would delete in Azure when the change
 * merges, the ASO manifests per unit, the findings that are new or resolved, and the handoff plan. Built by {@link OutputDiffer}; rendered as diff.md, diff.json and diff.sarif.
 */
public record OutputDiff(DiffSide base, DiffSide head, List<UnitChange> units, List<DiffFinding> newFindings,
                         List<DiffFinding> resolvedFindings, PlanChange plan, List<DestructiveChange> destructive) {
    public OutputDiff {
        destructive = List.copyOf(destructive);
        units = List.copyOf(units);
        newFindings = List.copyOf(newFindings);
        resolvedFindings = List.copyOf(resolvedFindings);
    }

    public enum Status {
        ADDED, REMOVED, CHANGED;

        public String label() {
            return name().toLowerCase();
        }
    }

    /** One ASO manifest that differs; {@code before}/{@code after} are null on the side where it does not exist. */
    public record FileChange(String path, Status status, String before, String after, String diff) {
    }

    /**
     * An output folder ({@code aso/<namespace>/<unit>}) with changed manifests, the unit it belongs to and the
     * Composition that unit uses (from the head side, else the base side; "" when unknown).
     */
    public record UnitChange(String dir, String unitId, String composition, List<FileChange> files) {
        public UnitChange {
            files = List.copyOf(files);
        }

        public long count(Status s) {
            return files.stream().filter(f -> f.status() == s).count();
        }
    }

    public enum PlanStatus { ABSENT, UNCHANGED, ADDED, REMOVED, CHANGED }

    /**
     * handoff/plan.json on both sides: whether and how it changed; {@code diff} is the whole readable diff (the
     * settings' and every unit's), {@code units} the same unit by unit.
     */
    public record PlanChange(PlanStatus status, String diff, List<PlanUnitChange> units) {
        public PlanChange {
            units = List.copyOf(units);
        }
    }

    /**
     * One unit of the plan that was added, removed or changed, with the diff of its readable form and, for a unit
     * added or removed, a summary of a few lines ("" for a changed one).
     */
    public record PlanUnitChange(String id, Status status, String diff, String summary) {
    }

    public boolean isEmpty() {
        return units.isEmpty() && newFindings.isEmpty() && resolvedFindings.isEmpty() && destructive.isEmpty()
                && (plan.status() == PlanStatus.ABSENT || plan.status() == PlanStatus.UNCHANGED);
    }

    public long count(Status s) {
        return units.stream().mapToLong(u -> u.count(s)).sum();
    }

    public static Map<Severity, Integer> bySeverity(List<DiffFinding> findings) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        for (DiffFinding f : findings) {
            m.merge(f.severity(), 1, Integer::sum);
        }
        return m;
    }

    /**
     * True when a new finding is at or above the threshold (null threshold: never). A destructive change counts as
     * an error.
     */
    public boolean failsAt(Severity threshold) {
        return threshold != null && (newFindings.stream().anyMatch(f -> f.severity().atLeast(threshold))
                || !destructive.isEmpty() && Severity.ERROR.atLeast(threshold));
    }
}
