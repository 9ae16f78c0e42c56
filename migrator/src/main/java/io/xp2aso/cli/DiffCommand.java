package io.xp2aso.cli;

import io.xp2aso.diff.DiffFiles;
import io.xp2aso.diff.GitDiff;
import io.xp2aso.diff.OutputDiff;
import io.xp2aso.migrate.FailOn;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.report.AtomicOutput;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.report.JsonReport;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/** `xp2aso diff [--repo PATH] BASE HEAD`: what a change to a Crossplane repository changes in the ASO output. */
@Command(name = "diff", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Migrates a Git repository at BASE and at HEAD (read from Git, no checkout) and writes what "
                + "changes into DIR: diff.md (a pull-request comment, under 65,000 characters), diff-full.md (all of "
                + "it), diff.json and diff.sarif (the new findings, at their source lines).",
                "Exit codes: 0 done; 1 done, with NEW findings at or above --fail-on; 2 bad input or usage "
                        + "(nothing is written)."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "The ref before the change (branch, tag, commit, HEAD~1, origin/main).")
    String base;

    @Parameters(index = "1", paramLabel = "HEAD", description = "The ref after the change.")
    String head;

    @Option(names = "--repo", paramLabel = "PATH", defaultValue = ".",
            description = "Git repository: a path (a folder inside a work tree reads only that folder) or a URL, "
                    + "cloned into a temporary bare repository (default: ${DEFAULT-VALUE}).")
    String repo;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Output folder (default: ${DEFAULT-VALUE}); replaced whole, only when the run succeeds.")
    Path output;

    @Option(names = "--mappings", paramLabel = "DIR", description = "Mapping catalog folder replacing the built-in one.")
    Path mappings;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "unmapped", converter = MigrateCommand.FailOnConverter.class,
            description = "error | unmapped | warning | never (default: ${DEFAULT-VALUE}, as for migrate: a field "
                    + "the pull request leaves unmapped is one ASO's PUT may reset): exit 1 when a finding that HEAD "
                    + "introduces, or a destructive change, is at or above LEVEL.")
    FailOn failOn;

    private final MigrationPipeline pipeline;

    DiffCommand(MigrationPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (mappings != null && !Files.isDirectory(mappings)) {
            throw new InputException(new Origin(mappings.toString(), 0), "--mappings: not a folder");
        }
        OutputFolderGuard.check(output, List.of(
                new OutputFolderGuard.EarlierOutput("diff", DiffFiles.JSON, DiffFiles.FORMAT),
                new OutputFolderGuard.EarlierOutput("migrate", MigrationPipeline.REPORT_JSON, JsonReport.FORMAT_VERSION)));
        MigrateOptions options = MigrateOptions.defaults()
                .withMappings(mappings)
                .withPaths(DisplayPaths.asGiven());
        OutputDiff d = GitDiff.run(repo, base, head, sources -> {
            err.println("xp2aso diff: read " + sources.manifests().size() + " objects");
            return pipeline.run(sources, options);
        });
        SortedMap<String, String> files = DiffFiles.render(d, MigrationPipeline.TOOL_VERSION);
        try (AtomicOutput out = new AtomicOutput(output)) {
            files.forEach(out::write);
            out.commit();
        }
        err.println("xp2aso diff: " + d.base().label() + " -> " + d.head().label() + ": "
                + d.units().size() + " units changed (" + d.count(OutputDiff.Status.ADDED) + " manifests added, "
                + d.count(OutputDiff.Status.REMOVED) + " removed, " + d.count(OutputDiff.Status.CHANGED) + " changed); "
                + d.newFindings().size() + " new findings, " + d.resolvedFindings().size() + " resolved; plan "
                + d.plan().status().name().toLowerCase());
        if (!d.destructive().isEmpty()) {
            err.println("xp2aso diff: " + d.destructive().size() + " destructive change"
                    + (d.destructive().size() == 1 ? "" : "s") + ": Azure resources Crossplane deletes or replaces when "
                    + "this merges (first section of " + DiffFiles.MARKDOWN + ")");
        }
        err.println("xp2aso diff: wrote " + output + " (see " + output.resolve(DiffFiles.MARKDOWN) + ")");
        if (d.failsAt(failOn.threshold())) {
            err.println("xp2aso diff: " + (d.destructive().isEmpty() ? "" : "destructive changes or ")
                    + "new findings at or above --fail-on " + failOn.label() + ": exit 1");
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }
}
