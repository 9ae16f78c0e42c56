package io.xp2aso.cli;

import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.report.AtomicOutput;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.source.SourceSet;
import io.xp2aso.templates.TemplatesReport;
import io.xp2aso.templates.TemplatesRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `xp2aso templates SOURCE...`: a Helm chart per Composition proven equal to migrate, values per claim and XR, a
 * Backstage software template per chart and an Argo CD ApplicationSet.
 */
@Command(name = "templates", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Writes, into DIR, a Helm chart for every Composition xp2aso renders natively (each checked by "
                + "rendering it with Helm for every claim and XR of the sources against what `migrate` makes of it), "
                + "values per claim and XR, a Backstage software template per chart and an Argo CD ApplicationSet.",
                "Exit codes: 0 done; 1 done, but some Compositions have no chart (report.md says why); 2 bad input or "
                        + "usage (nothing is written)."})
final class TemplatesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE",
            description = "A folder (read recursively), a YAML or JSON file, `-` for standard input, or a Git "
                    + "repository (path or URL) read at --ref without a checkout.")
    List<String> sources;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out-templates",
            description = "Output folder (default: ${DEFAULT-VALUE}); replaced whole, only when the run succeeds.")
    Path output;

    @Option(names = "--ref", paramLabel = "REF",
            description = "Read every SOURCE as a Git repository at this commit, branch or tag.")
    String ref;

    @Option(names = "--observed", paramLabel = "FILE",
            description = "Live objects (`kubectl get managed,composite,claim -A -o yaml`): generated names, "
                    + "external names, Azure resource IDs.")
    String observed;

    /** Standard input for SOURCE `-`; tests replace it. */
    InputStream stdin = System.in;

    /** Folder that file names in the output are relative to: the working folder; tests replace it. */
    Path base = Path.of("");

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (ref != null && sources.contains("-")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--ref reads Git repositories; standard input (-) cannot be read at a ref");
        }
        if (sources.stream().filter("-"::equals).count() > 1 || "-".equals(observed) && sources.contains("-")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "standard input (-) can be read only once");
        }
        OutputFolderGuard.check(output, List.of(
                new OutputFolderGuard.EarlierOutput("templates", TemplatesReport.JSON, TemplatesReport.FORMAT)));
        MappingCatalog.preloadBuiltIn();
        DisplayPaths paths = new DisplayPaths(base);
        SourceSet sourceSet = paths.relativize(MigrateInputs.readSources(sources, ref, stdin));
        err.println("xp2aso templates: read " + sourceSet.manifests().size() + " objects");
        ObservedIndex observedIndex = ObservedIndex.EMPTY;
        if (observed != null) {
            observedIndex = new ObservedIndex(paths.relativize(MigrateInputs.readObserved(observed, stdin)).manifests());
        }
        MigrateOptions options = MigrateOptions.defaults().withObserved(observedIndex).withPaths(paths)
                .withProgress(m -> err.println("xp2aso templates: " + m));
        TemplatesRun.Result result = TemplatesRun.run(sourceSet, options);
        try (AtomicOutput out = new AtomicOutput(output)) {
            for (Map.Entry<String, String> f : result.files().entrySet()) {
                out.write(f.getKey(), f.getValue());
            }
            out.commit();
        }
        for (TemplatesRun.Refusal r : result.refused()) {
            err.println("xp2aso templates: no chart for Composition " + r.composition() + " (" + r.origin() + "): "
                    + r.reason());
        }
        err.println("xp2aso templates: " + result.charts().size() + " charts, " + result.refused().size()
                + " Compositions without a chart; wrote " + output + " (see " + output.resolve(TemplatesReport.MARKDOWN) + ")");
        return result.refused().isEmpty() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
