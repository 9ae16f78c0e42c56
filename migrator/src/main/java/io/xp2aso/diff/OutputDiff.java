package io.xp2aso.diff;

import io.xp2aso.model.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What changes between the migrate outputs of two refs: the ASO manifests per unit, the findings that are new or
 * resolved, and the handoff plan. Built by {@link OutputDiffer}; rendered as diff.md, diff.json and diff.sarif.
 */
public record OutputDiff(DiffSide base, DiffSide head, List<UnitChange> units, List<DiffFinding> newFindings,
                         List<DiffFinding> resolvedFindings, PlanChange plan) {
    public OutputDiff {
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

    /** handoff/plan.json on both sides: whether and how it changed, with a unified diff of its canonical JSON. */
    public record PlanChange(PlanStatus status, String diff) {
    }

    public boolean isEmpty() {
        return units.isEmpty() && newFindings.isEmpty() && resolvedFindings.isEmpty()
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

    /** True when a new finding is at or above the threshold (null threshold: never). */
    public boolean failsAt(Severity threshold) {
        return threshold != null && newFindings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
