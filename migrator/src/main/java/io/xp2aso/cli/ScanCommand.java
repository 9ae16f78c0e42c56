package io.xp2aso.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.xp2aso.inventory.Analysis;
import io.xp2aso.inventory.ClusterAccess;
import io.xp2aso.inventory.ClusterException;
import io.xp2aso.inventory.Inventory;
import io.xp2aso.inventory.InventoryAnalysis;
import io.xp2aso.inventory.InventoryWriter;
import io.xp2aso.inventory.KindSupport;
import io.xp2aso.inventory.Scanner;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** `xp2aso scan`: a read-only inventory of the Crossplane objects on a live cluster. */
@Command(name = "scan", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = {"Lists every Crossplane object on a cluster, read-only: claims, XRs, managed resources, "
                + "Compositions, providers; their health, drift and how much can move to ASO today.",
                "Writes inventory.json, inventory.md and inventory.html into DIR. Exit codes: 0 done; 2 bad "
                        + "kubeconfig or context, or the cluster cannot be reached (nothing is written)."})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F", description = "kubeconfig file (default: KUBECONFIG, ~/.kube/config or in-cluster)")
    String kubeconfig;

    @Option(names = "--context", paramLabel = "C", description = "kubeconfig context (default: the current one)")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "only claims and namespaced objects in NS, and the cluster-scoped XRs and MRs of its claims")
    String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out", description = "output folder (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "500", hidden = true,
            description = "objects per list request")
    long pageSize;

    /** The mapping catalog, loaded only when a scan runs (so `scan --help` never reads it). */
    private final Supplier<KindSupport> catalog;

    public ScanCommand(Supplier<KindSupport> catalog) {
        this.catalog = catalog;
    }

    /** The command as the CLI registers it: migratability from the catalog built into the jar. */
    public static ScanCommand withBuiltInCatalog() {
        return new ScanCommand(() -> catalogSupport(MappingCatalog.load(null)));
    }

    static KindSupport catalogSupport(MappingCatalog catalog) {
        return new KindSupport() {
            @Override
            public boolean hasMapping(String apiVersion, String kind) {
                return catalog.hasMapping(apiVersion, kind);
            }

            @Override
            public List<AsoTarget> targets(String apiVersion, String kind) {
                return catalog.find(apiVersion, kind).map(m -> m.targets().stream()
                        .map(t -> new AsoTarget(t.group(), t.kind(), t.allVersions())).toList()).orElse(List.of());
            }
        };
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (pageSize < 1) {
            throw new InputException(new Origin("--page-size", 0), "must be at least 1");
        }
        try (KubernetesClient client = ClusterAccess.open(kubeconfig, context)) {
            Inventory inv = new Scanner(client, context, namespace, pageSize, err).scan();
            Analysis analysis = InventoryAnalysis.analyze(inv, catalog.get());
            InventoryWriter.write(output, inv, analysis);
            out.printf("scan: %d claims, %d XRs, %d managed resources; %d movable today (%s%%); %d blockers; wrote %s%n",
                    inv.claims().size(), inv.composites().size(), inv.managed().size(), analysis.movable(),
                    analysis.movablePercent(), analysis.blockers().size(), output);
            return Main.EXIT_OK;
        } catch (ClusterException e) {
            throw new InputException(new Origin(e.where(), 0), e.getMessage(), e);
        }
    }
}
