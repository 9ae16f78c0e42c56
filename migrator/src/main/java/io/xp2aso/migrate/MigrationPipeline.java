package io.xp2aso.migrate;

import io.xp2aso.capz.AksTarget;
import io.xp2aso.capz.CapzMapping;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Counts;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.Severity;
import io.xp2aso.report.InMemoryOutput;
import io.xp2aso.report.JsonReport;
import io.xp2aso.report.MarkdownReport;
import io.xp2aso.report.MigrationReport;
import io.xp2aso.report.OutputSink;
import io.xp2aso.report.ReportBuilder;
import io.xp2aso.report.SarifReport;

import io.xp2aso.source.SourceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * migrate's pipeline: sources -> estate -> compose -> map -> ASO tree -> extra producers (handoff plan) -> reports.
 * It writes only through an {@link OutputSink}: the CLI streams into AtomicOutput; `diff` and tests keep the files
 * in memory and compare them.
 */
public final class MigrationPipeline {
    public static final String TOOL_VERSION = "0.1.0";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_SARIF = "report.sarif";

    private final Stages stages;
    private final List<OutputProducer> producers;

    public MigrationPipeline(Stages stages, List<OutputProducer> producers) {
        this.stages = stages;
        this.producers = List.copyOf(producers);
    }

    /**
     * The pipeline migrate runs: the real compose and map stages, and the output producers (the handoff plan).
     * This is the place to register further producers, one line each.
     */
    public static MigrationPipeline standard() {
        return new MigrationPipeline(new StandardStages(), List.of(new HandoffPlanOutput()));
    }

    /**
     * Reads nothing and writes nothing: composes and maps the sources, then {@link #assemble}s the output.
     * Progress goes to {@link MigrateOptions#progress()}.
     */
    public MigrationRun run(SourceSet sources, MigrateOptions options) {
        InMemoryOutput files = new InMemoryOutput();
        return run(sources, options, files).withFiles(files.files());
    }

    /** Like {@link #run(SourceSet, MigrateOptions)}, streaming every file into {@code out} instead of keeping it. */
    public MigrationRun run(SourceSet sources, MigrateOptions options, OutputSink out) {
        Estate estate = new Estate(sources);
        options.progress().accept("composing " + Counts.of(estate.all(ObjectKind.CLAIM).size(), "claim") + " and "
                + Counts.of(estate.all(ObjectKind.COMPOSITE).size(), "composite resource") + " read from the sources");
        ComposeResult composed = stages.compose(estate, options);
        int resources = 0;
        for (var u : composed.units()) {
            resources += u.resources().size();
        }
        options.progress().accept("mapping " + Counts.of(resources, "managed resource") + " of "
                + Counts.of(composed.units().size(), "unit"));
        MappingResult mapped = DuplicateArmIds.apply(stages.map(composed, options), estate, options.observed());
        if (options.aksTarget() == AksTarget.CAPZ) {
            mapped = CapzMapping.apply(mapped);
        }
        return assemble(estate, composed, mapped, options, out);
    }

    /**
     * Everything after mapping: lays out the ASO tree, runs the producers and renders the reports.
     * Pure: the same results and options give the same run.
     */
    public MigrationRun assemble(Estate estate, ComposeResult composed, MappingResult mapped, MigrateOptions options) {
        InMemoryOutput files = new InMemoryOutput();
        return assemble(estate, composed, mapped, options, files).withFiles(files.files());
    }

    /** Like {@link #assemble(Estate, ComposeResult, MappingResult, MigrateOptions)}, streaming into {@code out}. */
    public MigrationRun assemble(Estate estate, ComposeResult composed, MappingResult mapped, MigrateOptions options,
                                 OutputSink out) {
        options.progress().accept("writing the ASO manifests");
        AsoTree.Layout layout = AsoTree.layout(mapped, options.paths());
        // ~50,000 small files at 10,000 claims: creating them is file-system calls, which run side by side.
        layout.files().entrySet().parallelStream().forEach(f -> out.write(f.getKey(), f.getValue()));
        layout = layout.withoutFiles();
        List<Finding> global = new ArrayList<>(composed.findings());
        global.addAll(mapped.findings());
        global.addAll(layout.findings());

        OutputProducer.Context context = new OutputProducer.Context(estate, composed, mapped, layout.pathOf(),
                layout.yamlOf(), options);
        for (OutputProducer p : producers) {
            global.addAll(p.produce(context, out));
        }

        MigrationReport report = new ReportBuilder(options.paths()).build(mapped, layout.pathOf(), layout.dirsOf(),
                global, estate.skipped(), estate.all(ObjectKind.OTHER));
        options.progress().accept("writing the reports");
        // The three renderings only read the report: made side by side, the two large ones streamed into their files
        // (opened here, on this thread; each writer is then used by one task alone).
        java.io.Writer jsonOut = out.open(REPORT_JSON);
        java.io.Writer sarifOut = out.open(REPORT_SARIF);
        java.util.concurrent.CompletableFuture<Void> json =
                java.util.concurrent.CompletableFuture.runAsync(() -> JsonReport.write(report, jsonOut));
        java.util.concurrent.CompletableFuture<Void> sarif =
                java.util.concurrent.CompletableFuture.runAsync(() -> SarifReport.write(report, TOOL_VERSION, sarifOut));
        out.write(REPORT_MD, MarkdownReport.render(report));
        join(json);
        join(sarif);
        Severity highest = ReportBuilder.highest(mapped, global);
        return new MigrationRun(new java.util.TreeMap<>(), report, highest, mapped);
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
