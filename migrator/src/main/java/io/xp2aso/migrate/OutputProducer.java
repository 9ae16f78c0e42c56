package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A stage that adds files to migrate's output from the finished mapping (e.g. the handoff plan under
 * {@code handoff/}). Producers run after the ASO tree is laid out and before the reports are rendered, so their
 * findings appear in report.md/json/sarif and count for --fail-on. They must be pure and deterministic:
 * no I/O, no clock, stable ordering. Register one in {@code MigrationPipeline.standard()}.
 */
@FunctionalInterface
public interface OutputProducer {
    Contribution produce(Context context);

    /**
     * What a producer can read: every stage's result, where each ASO object was written (by identity, relative
     * to the output folder), and the run's options.
     */
    record Context(Estate estate, ComposeResult composed, MappingResult mapped, Map<ObjectNode, String> targetPaths,
                   MigrateOptions options) {
    }

    /** Files (relative path -> content) to add, and findings for the reports. Paths must not clash with others. */
    record Contribution(SortedMap<String, String> files, List<Finding> findings) {
        public Contribution {
            files = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(files));
            findings = List.copyOf(findings);
        }
    }
}
