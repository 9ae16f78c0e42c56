package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.report.OutputSink;

import java.util.List;
import java.util.Map;

/**
 * A stage that adds files to migrate's output from the finished mapping (e.g. the handoff plan under
 * {@code handoff/}). Producers run after the ASO tree is laid out and before the reports are rendered, so their
 * findings appear in report.md/json/sarif and count for --fail-on. They must be deterministic (no clock,
 * stable ordering) and write only through the sink, which streams large files to disk. Register one in {@code MigrationPipeline.standard()}.
 */
@FunctionalInterface
public interface OutputProducer {
    /** Writes the producer's files (paths must not clash with any other part of the output) and returns findings. */
    List<Finding> produce(Context context, OutputSink out);

    /**
     * What a producer can read: every stage's result, where each ASO object was written (by identity, relative
     * to the output folder) and its YAML as written there, and the run's options.
     */
    record Context(Estate estate, ComposeResult composed, MappingResult mapped, Map<ObjectNode, String> targetPaths,
                   Map<ObjectNode, String> targetYaml, MigrateOptions options) {
    }
}
