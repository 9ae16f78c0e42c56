package io.xp2aso.cli;

import io.xp2aso.mapping.CatalogCheck;
import io.xp2aso.mapping.CrdStore;
import io.xp2aso.mapping.Coverage;
import io.xp2aso.mapping.Crosswalk;
import io.xp2aso.mapping.KindMapping;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.TargetSpec;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `xp2aso mappings list | check | coverage`: inspect the mapping catalog. */
@Command(name = "mappings", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Inspect the mapping catalog (Crossplane MR kind -> ASO kinds).",
        subcommands = {MappingsCommand.ListCmd.class, MappingsCommand.CheckCmd.class, MappingsCommand.CoverageCmd.class})
final class MappingsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--mappings", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Mapping catalog folder (default: the built-in catalog).")
    Path mappings;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    MappingCatalog catalog() {
        return MappingCatalog.load(mappings);
    }

    static String where(List<Path> crds) {
        return String.join(", ", crds.stream().map(Path::toString).toList());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, version = Main.VERSION, description = "List mapped kinds and their ASO targets.")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        MappingsCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--markdown", description = "Print the mapped kinds as a Markdown table (as in README.md).")
        boolean markdown;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            MappingCatalog c = parent.catalog();
            if (markdown) {
                out.print(MappedKindsMarkdown.render(c));
                out.flush();
                return Main.EXIT_OK;
            }
            for (KindMapping m : c.entries()) {
                List<String> targets = new ArrayList<>();
                if (m.isMerge()) {
                    targets.add("merged into " + m.mergeInto().via().kind()
                            + (m.mergeInto().via().target().isEmpty() ? "" : " (" + m.mergeInto().via().target() + ")"));
                }
                for (TargetSpec t : m.targets()) {
                    String extra = (t.when().isEmpty() ? "" : " when " + t.when())
                            + (t.forEach().isEmpty() ? "" : " for each " + t.forEach());
                    targets.add(t.apiVersion() + " " + t.kind() + extra);
                }
                out.printf("%-55s -> %s%n", m.groupKind() + (m.versions().isEmpty() ? "" : " " + m.versions()),
                        String.join("; ", targets));
            }
            out.printf("%d kinds (%s)%n", c.entries().size(), c.location());
            out.flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, version = Main.VERSION,
            description = "Parse every mapping file and, with --crds, check every `to` path against the ASO CRDs and "
                    + "every `from` path against the upjet CRDs. Exit 1 when a problem is found.")
    static final class CheckCmd implements Callable<Integer> {
        @ParentCommand
        MappingsCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--crds", paramLabel = "DIR", description = "Folder or file of CRDs (ASO and/or upjet); repeatable.")
        List<Path> crds = new ArrayList<>();

        @Option(names = "--legacy-crds", paramLabel = "DIR", description = "CRDs of the original upbound/provider-azure "
                + "(older field names): every `olderNames` entry is checked against them; repeatable.")
        List<Path> legacy = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            MappingCatalog c = parent.catalog();
            Progress progress = new Progress(spec.commandLine().getErr(), "xp2aso mappings check", c.entries().size());
            CrdStore crdStore = crds.isEmpty() ? null : progress.indexed(new CrdStore(crds));
            CrdStore legacyStore = legacy.isEmpty() ? null : progress.indexed(new CrdStore(legacy));
            CatalogCheck.Result r = CatalogCheck.run(c, crdStore, legacyStore, progress::files);
            List<String> problems = new ArrayList<>(r.problems());
            if (!crds.isEmpty()) {
                if (r.targetsChecked() == 0 && r.sourcesChecked() == 0) {
                    // Checking nothing must not look like a pass.
                    throw new InputException(new Origin(where(crds), 0), "no CRD of a mapped kind found (neither an ASO "
                            + "target such as storage.azure.com/StorageAccount nor an upjet source such as "
                            + "storage.azure.upbound.io/Account): nothing was checked; give --crds the ASO and the upjet CRDs");
                }
                if (r.targetsChecked() == 0) {
                    problems.add(where(crds) + ": no ASO CRD of any target: no `to` path was checked (add the ASO CRDs with --crds)");
                }
                if (r.sourcesChecked() == 0) {
                    problems.add(where(crds) + ": no upjet CRD of any mapped kind: no `from` path was checked (add the upjet CRDs with --crds)");
                }
            }
            for (String n : r.notChecked()) {
                out.println("not checked (no CRD): " + n);
            }
            for (String p : problems) {
                out.println("problem: " + p);
            }
            out.printf("%d mapping files, %d %s%s%n", c.entries().size(), problems.size(),
                    problems.size() == 1 ? "problem" : "problems",
                    crds.isEmpty() ? " (parse only: give --crds to check field paths)" : "");
            out.flush();
            return problems.isEmpty() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true, version = Main.VERSION,
            description = "Share of each upjet CRD's spec.forProvider leaf fields that the catalog maps or ignores "
                    + "with a reason. Exit 1 when a kind is below --min.")
    static final class CoverageCmd implements Callable<Integer> {
        @ParentCommand
        MappingsCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--crds", paramLabel = "DIR", description = "Folder or file of upjet CRDs; repeatable.")
        List<Path> crds = new ArrayList<>();

        @Option(names = "--crosswalk", paramLabel = "FILE",
                description = "Kind crosswalk TSV (upjet_group, upjet_kind, match, ...): print per upjet group the kinds "
                        + "mapped, mappable (an ASO home: exact-arm or merged-into-parent) and in total.")
        Path crosswalk;

        @Option(names = "--legacy-crds", paramLabel = "DIR", description = "CRDs of the original upbound/provider-azure: "
                + "each kind also gets a row per older version (legacy:v1beta1) counting its older field names; repeatable.")
        List<Path> legacy = new ArrayList<>();

        @Option(names = "--min", paramLabel = "PERCENT", defaultValue = "0",
                description = "Fail (exit 1) when a kind's coverage is below this percentage (default ${DEFAULT-VALUE}).")
        double min;

        @Option(names = "--details", description = "List the leaf fields nobody maps or ignores.")
        boolean details;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (crds.isEmpty() && crosswalk == null) {
                throw new ParameterException(spec.commandLine(), "give --crds DIR (field coverage) and/or --crosswalk FILE (kind coverage)");
            }
            if (crosswalk != null) {
                printCrosswalk(out, Crosswalk.read(crosswalk).byGroup(parent.catalog()));
                if (crds.isEmpty()) {
                    out.flush();
                    return Main.EXIT_OK;
                }
            }
            MappingCatalog catalog = parent.catalog();
            Progress progress = new Progress(spec.commandLine().getErr(), "xp2aso mappings coverage", catalog.entries().size());
            CrdStore crdStore = progress.indexed(new CrdStore(crds));
            CrdStore legacyStore = legacy.isEmpty() ? null : progress.indexed(new CrdStore(legacy));
            List<Coverage.Row> rows = Coverage.run(catalog, crdStore, legacyStore, progress::files);
            if (rows.isEmpty()) {
                // TOTAL 0 at 100% would read as a pass.
                throw new InputException(new Origin(where(crds), 0), "no upjet CRD of any of the " + catalog.entries().size()
                        + " mapped kinds found (such as storage.azure.upbound.io/Account): nothing to measure; give --crds "
                        + "the upjet CRDs (provider-upjet-azure package/crds)");
            }
            List<String> missing = new ArrayList<>();
            for (KindMapping m : catalog.entries()) {
                if (rows.stream().noneMatch(r -> r.kind().equals(m.groupKind()))) {
                    missing.add(m.groupKind());
                }
            }
            int total = 0;
            int covered = 0;
            boolean below = false;
            out.printf("%-50s %-15s %6s %6s %7s %7s%n", "KIND", "VERSION", "FIELDS", "MAPPED", "IGNORED", "COVER");
            for (Coverage.Row r : rows) {
                out.printf(Locale.ROOT, "%-50s %-15s %6d %6d %7d %6.1f%%%n", r.kind(), r.version(), r.total(), r.mapped(),
                        r.ignored(), 100 * r.share());
                if (details) {
                    r.unmapped().forEach(u -> out.println("    unmapped: " + u));
                }
                total += r.total();
                covered += r.mapped() + r.ignored();
                below |= 100 * r.share() < min;
            }
            out.printf(Locale.ROOT, "%-50s %-15s %6d %6s %7s %6.1f%%%n", "TOTAL", "", total, "", "",
                    total == 0 ? 100.0 : 100.0 * covered / total);
            for (String m : missing) {
                out.println("not measured (no CRD): " + m);
            }
            if (below) {
                out.printf(Locale.ROOT, "coverage below %.1f%% for at least one kind%n", min);
            }
            if (!missing.isEmpty() && min > 0) {
                // A kind whose coverage is unknown cannot be shown to meet --min.
                out.printf(Locale.ROOT, "%d mapped %s without a CRD in --crds: coverage unknown, not at least %.1f%%%n",
                        missing.size(), missing.size() == 1 ? "kind" : "kinds", min);
                below = true;
            }
            out.flush();
            return below ? Main.EXIT_FINDINGS : Main.EXIT_OK;
        }

        private static void printCrosswalk(PrintWriter out, List<Crosswalk.GroupCount> groups) {
            int mapped = 0;
            int mappable = 0;
            int total = 0;
            out.printf("%-45s %6s %8s %6s%n", "UPJET GROUP", "MAPPED", "MAPPABLE", "TOTAL");
            for (Crosswalk.GroupCount g : groups) {
                out.printf("%-45s %6d %8d %6d%n", g.group(), g.mapped(), g.mappable(), g.total());
                mapped += g.mapped();
                mappable += g.mappable();
                total += g.total();
            }
            out.printf(Locale.ROOT, "%-45s %6d %8d %6d  (%.1f%% of the mappable kinds mapped)%n", "TOTAL", mapped, mappable,
                    total, mappable == 0 ? 100.0 : 100.0 * mapped / mappable);
        }
    }
}
