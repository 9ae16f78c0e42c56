package io.xp2aso.migrate;

import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.Severity;
import io.xp2aso.report.MigrationReport;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of a migrate run: the output files when they were kept in memory (relative path -> content, sorted,
 * deterministic: equal inputs give equal maps; empty when the run streamed them to an {@link io.xp2aso.report.OutputSink}), the report model, the highest finding severity (null when there are none;
 * unmapped fields count as {@link Severity#UNMAPPED}) and the mapping result the files were made from.
 */
public record MigrationRun(SortedMap<String, String> files, MigrationReport report, Severity highest,
                           MappingResult mapped) {
    public MigrationRun {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    MigrationRun withFiles(SortedMap<String, String> kept) {
        return new MigrationRun(kept, report, highest, mapped);
    }

    /** True when the run has a finding at or above the threshold (null threshold: never). */
    public boolean failsAt(Severity threshold) {
        return threshold != null && highest != null && highest.atLeast(threshold);
    }
}
