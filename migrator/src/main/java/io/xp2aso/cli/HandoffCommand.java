package io.xp2aso.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanJson;
import io.xp2aso.handoff.exec.ClusterException;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.Fabric8Cluster;
import io.xp2aso.handoff.exec.HandoffExecutor;
import io.xp2aso.handoff.exec.OfflineReview;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.exec.Selection;
import io.xp2aso.handoff.exec.WriteBudget;
import io.xp2aso.handoff.exec.StateStore;
import io.xp2aso.handoff.exec.Ticker;
import io.xp2aso.inventory.ClusterAccess;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** `xp2aso handoff PLAN.json`: checks (default) or runs (--execute) the ownership handoff plan against a cluster. */
@Command(name = "handoff", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Check (default, read-only) or run (--execute) an ownership handoff plan. Progress is saved "
                + "beside migrate's output folder (DIR.handoff-state.json), never inside it.")
public final class HandoffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "handoff/plan.json written by `xp2aso migrate`")
    Path plan;

    @Option(names = "--execute", description = "make the changes (without it: check every precondition and print what would be done)")
    boolean execute;

    @Option(names = "--resume", description = "continue a run whose progress is saved beside the plan")
    boolean resume;

    @Option(names = "--only", paramLabel = "UNIT", description = "only this unit (its id, e.g. team-a/orders-db)")
    String only;

    @Option(names = "--rollback", description = "undo the completed steps in reverse (refused once a unit's retire step started)")
    boolean rollback;

    @Option(names = "--approve", paramLabel = "UNIT", description = "approve what the previous run showed for UNIT "
            + "(takeover preview, drift, Git change); repeatable")
    List<String> approve = List.of();

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "kubeconfig file (default: KUBECONFIG or ~/.kube/config)")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "CONTEXT", description = "kubeconfig context (default: the current one); "
            + "an unknown context is an error")
    String context;

    @Option(names = "--ack-manager", paramLabel = "NAME", description = "acknowledge a field manager xp2aso does not "
            + "know (or a GitOps controller the plan has no steps for) as not writing the unit's objects during the "
            + "handoff; repeatable")
    List<String> ackManagers = List.of();

    @Option(names = "--reconcile-interval", paramLabel = "SECONDS", description = "the longest reconcile interval of "
            + "the GitOps tools and controllers; after retire the executor checks for two of them that nothing deleted "
            + "reappears (default: 180, Argo CD's; 0: no settle period)")
    long reconcileInterval = RunOptions.RECONCILE_INTERVAL.toSeconds();

    @Option(names = "--select", paramLabel = "EXPR", description = "a wave: the units that match, e.g. namespace=team-a,"
            + "kind=PostgreSQLInstance; terms namespace=NS, unit=GLOB, label=KEY[=VALUE] (of the live claim), kind=KIND, "
            + "joined by commas (all must hold); repeatable (any may)")
    List<String> select = List.of();

    @Option(names = "--parallel", paramLabel = "N", description = "hand over up to N units at once (default: "
            + RunOptions.PARALLEL + "); each has its own progress and approvals, and one unit's failure stops it alone")
    int parallel = RunOptions.PARALLEL;

    @Option(names = "--api-writes-per-second", paramLabel = "N", description = "the executor's writes to the API server "
            + "per second, for all units together (default: " + WriteBudget.API_WRITES_PER_SECOND + ")")
    int apiWritesPerSecond = WriteBudget.API_WRITES_PER_SECOND;

    @Option(names = "--arm-writes-per-hour", paramLabel = "N", description = "Azure Resource Manager writes per hour "
            + "and subscription (ASO's first PUT of each resource switched to manage); a unit waits before manage "
            + "until its writes fit (default: " + WriteBudget.ARM_WRITES_PER_HOUR + ", under ARM's 1,200)")
    int armWritesPerHour = WriteBudget.ARM_WRITES_PER_HOUR;

    @Option(names = "--offline", description = "print what would run from the plan alone (and the saved progress); "
            + "no cluster is contacted")
    boolean offline;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (offline && !select.isEmpty()) {
            throw new InputException(new Origin("--offline", 0), "reviews one unit (--only) or all: --select needs the "
                    + "cluster (labels are read live)");
        }
        if (offline && (execute || resume || rollback || !approve.isEmpty())) {
            throw new InputException(new Origin("--offline", 0), "reviews the plan without a cluster: it cannot be "
                    + "combined with --execute, --resume, --rollback or --approve");
        }
        if (parallel < 1 || apiWritesPerSecond < 1 || armWritesPerHour < 1) {
            throw new InputException(new Origin(parallel < 1 ? "--parallel" : apiWritesPerSecond < 1
                    ? "--api-writes-per-second" : "--arm-writes-per-hour", 0), "must be at least 1");
        }
        Selection wave = Selection.parse(select);
        if (reconcileInterval < 0) {
            throw new InputException(new Origin("--reconcile-interval", 0), "must be 0 or more seconds");
        }
        Plan p = PlanJson.read(plan);
        StateStore store = StateStore.forPlan(plan);
        if (offline) {
            return OfflineReview.print(p, only == null ? "" : only, store, out);
        }
        String digest = digest(plan);
        try (KubernetesClient client = client()) {
            HandoffExecutor executor = new HandoffExecutor(new Fabric8Cluster(client), Ticker.SYSTEM, store, out,
                    ExecutorHooks.NONE);
            return executor.run(p, digest, new RunOptions(execute, resume, only, rollback, Set.copyOf(approve),
                    Set.copyOf(ackManagers), Duration.ofSeconds(reconcileInterval).multipliedBy(2))
                    .inWaves(wave, parallel, apiWritesPerSecond, armWritesPerHour));
        } catch (ClusterException e) {
            if (e.fatal() || e.kind() == ClusterException.Kind.UNKNOWN_KIND) {
                out.flush();
                err.println("error: " + e.getMessage());
                return Main.EXIT_BAD_INPUT;
            }
            throw e;
        }
    }

    /**
     * The kubeconfig is found and checked as scan does it (an unknown context or a missing kubeconfig is exit 2, never
     * a fallback). Requests name xp2aso as their user agent, so the field manager of its writes is "xp2aso"; waits
     * and retries are the executor's own, so the client does not retry.
     */
    private KubernetesClient client() {
        Config config;
        try {
            config = new ConfigBuilder(ClusterAccess.config(kubeconfig == null ? null : kubeconfig.toString(), context))
                    .withUserAgent(USER_AGENT).withRequestRetryBackoffLimit(0).build();
        } catch (io.xp2aso.inventory.ClusterException e) {
            throw new InputException(new Origin(e.where(), 0), e.getMessage(), e);
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The field manager Kubernetes records for the executor's writes (the user agent up to its first '/'). */
    public static final String USER_AGENT = "xp2aso/" + io.xp2aso.migrate.MigrationPipeline.TOOL_VERSION;

    private static String digest(Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Streamed: a plan of 10,000 units is hundreds of megabytes.
            try (java.io.InputStream in = new java.security.DigestInputStream(
                    new java.io.FileInputStream(file.toFile()), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new InputException(new Origin(file.toString(), 0), "cannot read the plan: " + e.getMessage());
        }
    }
}
