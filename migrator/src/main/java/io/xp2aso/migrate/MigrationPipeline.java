package io.xp2aso.migrate;

import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.Severity;
import io.xp2aso.report.JsonReport;
import io.xp2aso.report.MarkdownReport;
import io.xp2aso.report.MigrationReport;
import io.xp2aso.report.ReportBuilder;
import io.xp2aso.report.SarifReport;

import io.xp2aso.source.SourceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * migrate's pipeline, in memory and without side effects: sources -> estate -> compose -> map -> ASO tree ->
 * extra producers (handoff plan) -> reports. The CLI writes {@link MigrationRun#files()} through AtomicOutput;
 * `diff` runs it twice and compares the maps.
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
        Estate estate = new Estate(sources);
        options.progress().accept("composing " + estate.all(ObjectKind.CLAIM).size() + " claims and "
                + estate.all(ObjectKind.COMPOSITE).size() + " composite resources");
        ComposeResult composed = stages.compose(estate, options);
        int resources = 0;
        for (var u : composed.units()) {
            resources += u.resources().size();
        }
        options.progress().accept("mapping " + resources + " managed resources of " + composed.units().size() + " units");
        MappingResult mapped = stages.map(composed, options);
        return assemble(estate, composed, mapped, options);
    }

    /**
     * Everything after mapping: lays out the ASO tree, runs the producers and renders the reports.
     * Pure: the same results and options give the same run.
     */
    public MigrationRun assemble(Estate estate, ComposeResult composed, MappingResult mapped, MigrateOptions options) {
        AsoTree.Layout layout = AsoTree.layout(mapped, options.paths());
        SortedMap<String, String> files = new TreeMap<>(layout.files());
        List<Finding> global = new ArrayList<>(composed.findings());
        global.addAll(mapped.findings());
        global.addAll(layout.findings());

        OutputProducer.Context context = new OutputProducer.Context(estate, composed, mapped, layout.pathOf(), options);
        for (OutputProducer p : producers) {
            OutputProducer.Contribution c = p.produce(context);
            for (var e : c.files().entrySet()) {
                if (files.putIfAbsent(e.getKey(), e.getValue()) != null || isReport(e.getKey())) {
                    throw new IllegalStateException("output producer " + p.getClass().getName()
                            + " writes " + e.getKey() + ", which another part of the output already writes");
                }
            }
            global.addAll(c.findings());
        }

        MigrationReport report = new ReportBuilder(options.paths()).build(mapped, layout.pathOf(), layout.dirsOf(),
                global, estate.skipped(), estate.all(ObjectKind.OTHER));
        files.put(REPORT_JSON, JsonReport.render(report));
        files.put(REPORT_MD, MarkdownReport.render(report));
        files.put(REPORT_SARIF, SarifReport.render(report, TOOL_VERSION));
        Severity highest = ReportBuilder.highest(mapped, global);
        return new MigrationRun(files, report, highest, mapped);
    }

    private static boolean isReport(String path) {
        return path.equals(REPORT_MD) || path.equals(REPORT_JSON) || path.equals(REPORT_SARIF);
    }
}
