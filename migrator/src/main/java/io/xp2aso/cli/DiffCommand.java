package io.xp2aso.cli;

import io.xp2aso.diff.DiffFiles;
import io.xp2aso.diff.GitDiff;
import io.xp2aso.diff.OutputDiff;
import io.xp2aso.migrate.FailOn;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.report.AtomicOutput;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", converter = MigrateCommand.FailOnConverter.class,
            description = "error | unmapped | warning | never (default: ${DEFAULT-VALUE}): exit 1 when a finding "
                    + "that HEAD introduces is at or above LEVEL.")
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
        checkOutputFolder(output);
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

    /**
     * The output folder is replaced whole: refuse anything but an empty folder or an earlier diff or migrate
     * output, so `-o .` never deletes a user's files.
     */
    private static void checkOutputFolder(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(new Origin(dir.toString(), 0), "output exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
            if (contains(dir.resolve(DiffFiles.JSON), "\"" + DiffFiles.FORMAT + "\"")
                    || contains(dir.resolve(MigrationPipeline.REPORT_JSON), "\"" + io.xp2aso.report.JsonReport.FORMAT_VERSION + "\"")) {
                return;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(new Origin(dir.toString(), 0), "cannot read the output folder: " + e.getMessage());
        }
        throw new InputException(new Origin(dir.toString(), 0), "output folder is not empty and is not the output of "
                + "an earlier `xp2aso diff` or `xp2aso migrate`; it would be replaced whole: choose a new or empty folder");
    }

    private static boolean contains(Path file, String text) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text);
    }
}
