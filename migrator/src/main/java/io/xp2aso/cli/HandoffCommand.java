package io.xp2aso.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanJson;
import io.xp2aso.handoff.exec.ClusterException;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.Fabric8Cluster;
import io.xp2aso.handoff.exec.HandoffExecutor;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.exec.StateStore;
import io.xp2aso.handoff.exec.Ticker;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** `xp2aso handoff PLAN.json`: checks (default) or runs (--execute) the ownership handoff plan against a cluster. */
@Command(name = "handoff", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Check (default, read-only) or run (--execute) an ownership handoff plan. Progress is saved "
                + "beside the plan in PLAN.state.json.")
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

    @Option(names = "--context", paramLabel = "CONTEXT", description = "kubeconfig context (default: the current one)")
    String context;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan p = PlanJson.read(plan);
        String digest = digest(plan);
        try (KubernetesClient client = client()) {
            HandoffExecutor executor = new HandoffExecutor(new Fabric8Cluster(client), Ticker.SYSTEM,
                    StateStore.besidePlan(plan), out, ExecutorHooks.NONE);
            return executor.run(p, digest, new RunOptions(execute, resume, only, rollback, Set.copyOf(approve)));
        } catch (ClusterException e) {
            if (e.fatal() || e.kind() == ClusterException.Kind.UNKNOWN_KIND) {
                out.flush();
                err.println("error: " + e.getMessage());
                return Main.EXIT_BAD_INPUT;
            }
            throw e;
        }
    }

    private KubernetesClient client() {
        Config config;
        if (kubeconfig != null) {
            try {
                config = Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
            } catch (IOException e) {
                throw new InputException(new Origin(kubeconfig.toString(), 0), "cannot read the kubeconfig: " + e.getMessage());
            } catch (RuntimeException e) {
                throw new InputException(new Origin(kubeconfig.toString(), 0), "invalid kubeconfig: " + e.getMessage());
            }
        } else {
            config = Config.autoConfigure(context);
        }
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

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
