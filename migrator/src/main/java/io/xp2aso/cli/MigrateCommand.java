package io.xp2aso.cli;

import io.xp2aso.handoff.exec.StateStore;
import io.xp2aso.inventory.LiveSource;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.ObserveOnly;
import io.xp2aso.mapping.ServedCrds;
import io.xp2aso.migrate.FailOn;
import io.xp2aso.capz.AksTarget;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.model.Counts;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.report.AtomicOutput;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.report.JsonReport;
import io.xp2aso.report.MigrationReport;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.SourceSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * `xp2aso migrate SOURCE...` or `xp2aso migrate --from-cluster`: writes ASO manifests and reports for a Crossplane
 * estate into an output folder.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Renders every claim and XR through its Composition, maps each managed resource to Azure Service "
                + "Operator resources and writes them, with report.md, report.json and report.sarif, into DIR.",
                "With --from-cluster and no SOURCE, migrates the live objects themselves: units from the claim -> XR "
                        + "-> MR graph, MRs as Crossplane rendered them (any composition function).",
                "Exit codes: 0 done; 1 done, with findings at or above --fail-on; 2 bad input or usage "
                        + "(nothing is written)."})
final class MigrateCommand implements Callable<Integer> {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SOURCE",
            description = "A folder (read recursively), a YAML or JSON file, `-` for standard input, or a Git "
                    + "repository (path or URL) read at --ref without a checkout. Optional with --from-cluster.")
    List<String> sources = new java.util.ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Output folder (default: ${DEFAULT-VALUE}); replaced whole, only when the run succeeds.")
    Path output;

    @Option(names = "--ref", paramLabel = "REF",
            description = "Read every SOURCE as a Git repository at this commit, branch or tag.")
    String ref;

    @Option(names = "--observed", paramLabel = "FILE",
            description = "Live objects (`kubectl get managed,composite,claim -A -o yaml`): generated names, "
                    + "external names, Azure resource IDs.")
    String observed;

    @Option(names = "--from-cluster", description = "Read the live objects from the current Kubernetes cluster: the "
            + "observed state, and the sources too when no SOURCE is given; validate the output against the ASO CRDs "
            + "it serves.")
    boolean fromCluster;

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context for --from-cluster.")
    String context;

    @Option(names = "--mappings", paramLabel = "DIR", description = "Mapping catalog folder replacing the built-in one.")
    Path mappings;

    @Option(names = "--target-namespace", paramLabel = "NS",
            description = "Namespace of the generated ASO resources (default: the claim's namespace, else `default`).")
    String targetNamespace;

    @Option(names = "--subscription", paramLabel = "ID",
            description = "Azure subscription ID for the ARM IDs of parents outside the sources (a resource group), "
                    + "when no observed Azure ID tells it.")
    String subscription;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "unmapped", converter = FailOnConverter.class,
            description = "error | unmapped | warning | never (default: ${DEFAULT-VALUE}): exit 1 when a finding is "
                    + "at or above LEVEL; unmapped counts unmapped fields and errors.")
    FailOn failOn;

    @Option(names = "--aks-target", paramLabel = "aso|capz", defaultValue = "aso",
            description = "What AKS clusters become (default: ${DEFAULT-VALUE}): plain ASO objects, or capz: Cluster API "
                    + "Cluster and MachinePools with CAPZ AzureASOManaged* objects that embed the ASO ManagedCluster and "
                    + "agent pools.")
    String aksTarget;

    @Option(names = "--observe-only", paramLabel = "skip-object|none", defaultValue = "skip-object",
            description = "What an MR that only observes its Azure resource (managementPolicies without Create, Update "
                    + "or *) becomes (default: ${DEFAULT-VALUE}): an ASO object that stays reconcile-policy skip for good, "
                    + "or none: no ASO object, and what refers to it names it by ARM ID.")
    String observeOnly;

    /** Standard input for SOURCE `-`; tests replace it. */
    InputStream stdin = System.in;

    /** Folder that file names in the output are relative to: the working folder; tests replace it. */
    Path base = Path.of("");

    private final MigrationPipeline pipeline;

    MigrateCommand(MigrationPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        checkUsage();
        checkOutputFolder(output);
        if (mappings == null) {
            MappingCatalog.preloadBuiltIn();
        }

        DisplayPaths paths = new DisplayPaths(base);
        SourceSet sourceSet = null;
        if (!sources.isEmpty()) {
            sourceSet = paths.relativize(MigrateInputs.readSources(sources, ref, stdin));
            err.println("xp2aso migrate: read " + sourceSet.manifests().size() + " objects"
                    + (sourceSet.skipped().isEmpty() ? "" : ", skipped " + sourceSet.skipped().size() + " documents"));
        }
        ObservedIndex observedIndex = ObservedIndex.EMPTY;
        Map<String, String> asoVersions = Map.of();
        ServedCrds served = null;
        boolean liveUnits = false;
        if (observed != null) {
            observedIndex = new ObservedIndex(paths.relativize(MigrateInputs.readObserved(observed, stdin)).manifests());
            err.println("xp2aso migrate: " + observedIndex.all().size() + " observed objects from " + observed);
        } else if (fromCluster) {
            MappingCatalog catalog = MappingCatalog.load(mappings);
            ClusterObservation.State state = MigrateInputs.clusterObserver().orElseThrow().observe(context, err, catalog);
            observedIndex = state.observed();
            served = state.served();
            asoVersions = ClusterObservation.chooseVersions(catalog, state.aso());
            err.println("xp2aso migrate: ASO versions the cluster serves: " + (asoVersions.isEmpty() ? "none"
                    : asoVersions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "))));
            if (sourceSet == null) {
                sourceSet = LiveSource.of(state.objects());
                liveUnits = true;
                err.println("xp2aso migrate: no SOURCE: migrating the live objects as they are (units from the claim ->"
                        + " XR -> MR graph; Compositions are not re-rendered)");
            }
        }

        MigrateOptions options = MigrateOptions.defaults()
                .withObserved(observedIndex)
                .withTargetNamespace(targetNamespace)
                .withSubscription(subscription)
                .withMappings(mappings)
                .withPaths(paths)
                .withProgress(m -> err.println("xp2aso migrate: " + m))
                .withAsoVersions(asoVersions)
                .withLiveUnits(liveUnits)
                .withServedCrds(served)
                .withAksTarget(AksTarget.parse(aksTarget))
                .withObserveOnly(ObserveOnly.parse(observeOnly));
        MigrationRun run;
        // Files stream into a hidden staging folder beside DIR, which replaces DIR only when the whole run succeeded.
        try (AtomicOutput out = new AtomicOutput(output)) {
            run = pipeline.run(sourceSet, options, out);
            out.commit();
        }
        MigrationReport.Summary s = run.report().summary();
        err.println("xp2aso migrate: " + Counts.of(s.claims(), "claim") + ", "
                + Counts.of(s.composites(), "composite resource") + " (claims' included), "
                + Counts.of(s.managedResources(), "managed resource") + " -> " + Counts.of(s.asoResources(), "ASO resource")
                + "; " + Counts.of(s.unmappedFields(), "unmapped field") + ", "
                + Counts.of(s.unsupportedKinds(), "unsupported kind") + ", " + Counts.of(s.errors(), "error") + ", "
                + Counts.of(s.warnings(), "warning"));
        err.println("xp2aso migrate: wrote " + output + " (see " + output.resolve("report.md") + ")");
        if (run.failsAt(failOn.threshold())) {
            err.println("xp2aso migrate: findings at or above --fail-on " + failOn.label() + " (highest: "
                    + run.highest().label() + "): exit 1");
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }

    private void checkUsage() {
        if (sources == null) {
            sources = new java.util.ArrayList<>();
        }
        if (sources.isEmpty() && !fromCluster) {
            throw usage("give SOURCE (a folder, file, `-` or Git repository), or --from-cluster to migrate the live "
                    + "objects of a cluster");
        }
        if (AksTarget.parse(aksTarget) == null) {
            throw usage("--aks-target is aso or capz, not `" + aksTarget + "`");
        }
        if (ObserveOnly.parse(observeOnly) == null) {
            throw usage("--observe-only is skip-object or none, not `" + observeOnly + "`");
        }
        if (ref != null && sources.isEmpty()) {
            throw usage("--ref reads SOURCE at a Git ref; it needs a SOURCE");
        }
        if (observed != null && fromCluster) {
            throw usage("--observed and --from-cluster exclude each other");
        }
        if (fromCluster && MigrateInputs.clusterObserver().isEmpty()) {
            throw usage("--from-cluster is not available in this build; export the live objects with "
                    + "`kubectl get managed,composite,claim -A -o yaml > observed.yaml` and pass --observed observed.yaml");
        }
        if (context != null && !fromCluster) {
            throw usage("--context applies only with --from-cluster");
        }
        if (ref != null && sources.contains("-")) {
            throw usage("--ref reads Git repositories; standard input (-) cannot be read at a ref");
        }
        if (sources.stream().filter("-"::equals).count() > 1 || "-".equals(observed) && sources.contains("-")) {
            throw usage("standard input (-) can be read only once");
        }
        if (targetNamespace != null && !DNS_LABEL.matcher(targetNamespace).matches()) {
            throw usage("--target-namespace '" + targetNamespace + "' is not a valid namespace name "
                    + "(lowercase letters, digits and '-', at most 63 characters)");
        }
        if (subscription != null && !GUID.matcher(subscription).matches()) {
            throw usage("--subscription '" + subscription + "' is not a subscription ID (a GUID such as "
                    + "00000000-0000-0000-0000-000000000000)");
        }
        if (mappings != null && !Files.isDirectory(mappings)) {
            throw new InputException(new Origin(mappings.toString(), 0), "--mappings: not a folder");
        }
    }

    /**
     * The output folder is replaced whole, so refuse anything that is not empty and not an earlier migrate
     * output: `-o .` or `-o ~` must never delete a user's files.
     */
    private void checkOutputFolder(Path dir) {
        StateStore handoff = StateStore.forOutput(dir);
        Path legacy = StateStore.legacyIn(dir);
        if (handoff.started() || Files.exists(legacy)) {
            throw new InputException(new Origin(dir.toString(), 0), "the handoff of this output has started (its state: "
                    + (handoff.started() ? handoff.file() : legacy) + "); migrating into it would replace the plan that "
                    + "run depends on: write to another folder (-o), or finish or roll back the handoff and remove the "
                    + "state file first");
        }
        OutputFolderGuard.check(dir, List.of(
                new OutputFolderGuard.EarlierOutput("migrate", MigrationPipeline.REPORT_JSON, JsonReport.FORMAT_VERSION)));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
