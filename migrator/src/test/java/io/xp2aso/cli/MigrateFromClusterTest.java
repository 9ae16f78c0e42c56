package io.xp2aso.cli;

import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.inventory.EstateSeeder;
import io.xp2aso.inventory.MockCluster;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.Stages;
import io.xp2aso.migrate.TestRuns;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Manifest;
import io.xp2aso.testutil.DeadCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** migrate --from-cluster reads the observed state from a live (mock) cluster through the kubeconfig. */
class MigrateFromClusterTest {
    @TempDir
    Path tmp;

    final List<ObservedIndex> observed = new ArrayList<>();
    final List<java.util.Map<String, String>> versions = new ArrayList<>();
    final List<MigrateOptions> options = new ArrayList<>();
    final StringWriter err = new StringWriter();

    private int migrate(Path kubeconfig, String... args) {
        Stages stages = new Stages() {
            @Override
            public ComposeResult compose(Estate estate, MigrateOptions options) {
                observed.add(options.observed());
                versions.add(options.asoVersions());
                MigrateFromClusterTest.this.options.add(options);
                return TestRuns.composed(TestRuns.storageMapped(new ArrayList<>()));
            }

            @Override
            public MappingResult map(ComposeResult composed, MigrateOptions options) {
                return TestRuns.storageMapped(new ArrayList<>());
            }
        };
        CommandLine cl = Main.commandLine();
        if (cl.getSubcommands().containsKey("migrate")) {
            cl.getCommandSpec().removeSubcommand("migrate");
        }
        cl.addSubcommand("migrate", new MigrateCommand(new MigrationPipeline(stages, List.of())));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return io.xp2aso.testutil.KubeconfigProperty.with(kubeconfig, () -> cl.execute(args));
    }

    private String fixture() {
        return TestRuns.resources().resolve("migrate/storage-unit.yaml").toString();
    }

    @Test
    void observedStateComesFromTheCluster() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            EstateSeeder seeded = new EstateSeeder(cluster).seed(3, 2, 1);
            Path kc = cluster.kubeconfig(tmp);
            Path out = tmp.resolve("out");
            assertEquals(0, migrate(kc, "migrate", fixture(), "-o", out.toString(), "--from-cluster", "--context", "mock", "--fail-on", "error"),
                    err.toString());
            assertEquals(1, observed.size());
            ObservedIndex index = observed.get(0);
            Set<String> mrs = index.all().stream().filter(m -> Estate.isManagedGroup(m.group()))
                    .filter(m -> !m.kind().equals("ProviderConfig"))
                    .map(Manifest::displayName).collect(Collectors.toSet());
            Set<String> expected = new java.util.HashSet<>(seeded.mrKeys);
            expected.addAll(seeded.vaults);
            assertEquals(expected, mrs);
            Manifest rg = index.find("azure.upbound.io", "ResourceGroup", "", "net-0001-rg").orElseThrow();
            assertEquals("rg-net-0001", rg.annotation("crossplane.io/external-name"));
            assertEquals("cluster:mock/azure.upbound.io/v1beta1/ResourceGroup/net-0001-rg", rg.origin().file());
            assertTrue(rg.node().path("status").path("atProvider").has("id"));
            assertTrue(index.composed("net-0001-x", "rg").isPresent());
            assertTrue(index.find("platform.example.org", "Network", "team-b", "net-0001").isPresent());
            assertTrue(index.all().stream().noneMatch(m -> m.kind().equals("Secret")));
            assertTrue(err.toString().contains("observed objects from the cluster at " + cluster.url()), err.toString());
            assertTrue(Files.isRegularFile(out.resolve("report.json")));
            // The cluster serves storage.azure.com StorageAccount only at v1api20230101/v20230101: the catalog's
            // alternative version is chosen over its default wherever the default is not served.
            io.xp2aso.mapping.MappingCatalog catalog = io.xp2aso.mapping.MappingCatalog.load(null);
            java.util.Map<String, String> chosen = versions.get(0);
            assertFalse(chosen.isEmpty());
            for (var e : chosen.entrySet()) {
                String group = e.getKey().substring(0, e.getKey().indexOf('/'));
                String kind = e.getKey().substring(e.getKey().indexOf('/') + 1);
                assertTrue(catalog.targetVersions(group, kind).contains(e.getValue()), e.toString());
                assertTrue(List.of("v1api20200601", "v20200601", "v1api20230101", "v20230101").contains(e.getValue()), e.toString());
            }
            List<String> saVersions = catalog.targetVersions("storage.azure.com", "StorageAccount");
            String expectedSa = saVersions.stream().filter(v -> v.equals("v1api20230101") || v.equals("v20230101"))
                    .findFirst().orElse(null);
            assertEquals(expectedSa, chosen.get("storage.azure.com/StorageAccount"));
            assertEquals("v1api20230101", expectedSa, "the catalog can write the version this cluster serves");
            assertTrue(err.toString().contains("ASO versions the cluster serves: "), err.toString());
            // With SOURCE, the repository stays the source: rendered as usual, the cluster only observed; the output
            // is still validated against the ASO CRDs the cluster serves.
            assertFalse(options.get(0).liveUnits());
            assertEquals(List.of("v1api20230101", "v20230101"),
                    options.get(0).servedCrds().servedVersions("storage.azure.com", "StorageAccount"));
        }
    }

    /** Who wrote each object (its field managers) stays for the plan's writer checks; the field sets are dropped. */
    @Test
    void fieldManagersAreKeptWithoutTheirFieldSets() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            new EstateSeeder(cluster).seed(1, 0, 0);
            cluster.create(MockCluster.docs("""
                    apiVersion: azure.upbound.io/v1beta1
                    kind: ResourceGroup
                    metadata:
                      name: written-rg
                      managedFields:
                        - {manager: terraform-operator, operation: Update, fieldsType: FieldsV1, fieldsV1: {"f:spec": {}}}
                    spec: {forProvider: {location: westeurope}}
                    """).get(0));
            Path out = tmp.resolve("out");
            assertEquals(0, migrate(cluster.kubeconfig(tmp), "migrate", fixture(), "-o", out.toString(), "--from-cluster",
                    "--context", "mock", "--fail-on", "error"), err.toString());
            Manifest rg = observed.get(0).find("azure.upbound.io", "ResourceGroup", "", "written-rg").orElseThrow();
            assertEquals("[{\"manager\":\"terraform-operator\",\"operation\":\"Update\"}]",
                    rg.node().path("metadata").path("managedFields").toString());
        }
    }

    /**
     * Issue 13 item 3: Argo CD's custom instance label is declared in ConfigMap argocd/argocd-cm; --from-cluster reads
     * it for the handoff plan, as --observed does when the stream holds it. Only the tracking keys are kept: the rest
     * of the ConfigMap (SSO settings may name credentials) never reaches the plan or the reports.
     */
    @Test
    void argoCdTrackingSettingsComeFromTheCluster() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            new EstateSeeder(cluster).seed(1, 0, 0);
            cluster.create(MockCluster.docs("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: argocd-cm, namespace: argocd}
                    data:
                      application.instanceLabelKey: example.com/app
                      application.resourceTrackingMethod: annotation+label
                      oidc.config: "clientSecret: not-for-reports"
                    """).get(0));
            Path out = tmp.resolve("out");
            assertEquals(0, migrate(cluster.kubeconfig(tmp), "migrate", fixture(), "-o", out.toString(), "--from-cluster",
                    "--fail-on", "error"), err.toString());
            Manifest cm = observed.get(0).find("", "ConfigMap", "argocd", "argocd-cm").orElseThrow();
            assertEquals("{\"application.instanceLabelKey\":\"example.com/app\","
                    + "\"application.resourceTrackingMethod\":\"annotation+label\"}", cm.node().path("data").toString());
            assertEquals("example.com/app", PlanBuilder.argoInstanceLabel(
                    PlanOptions.defaults().withObserved(observed.get(0))));
            assertTrue(err.toString().contains("ConfigMap argocd/argocd-cm: Argo CD's tracking settings read"), err.toString());
            assertFalse(err.toString().contains("not-for-reports"));
        }
    }

    /** A role that may not read argocd-cm: the migration goes on, and says how Argo CD is still recognised. */
    @Test
    void argoCdSettingsForbiddenIsANote() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            new EstateSeeder(cluster).seed(1, 0, 0);
            cluster.forbid("/api/v1/namespaces/argocd/configmaps/argocd-cm", "configmaps is forbidden");
            Path out = tmp.resolve("out");
            assertEquals(0, migrate(cluster.kubeconfig(tmp), "migrate", fixture(), "-o", out.toString(), "--from-cluster",
                    "--fail-on", "error"), err.toString());
            assertTrue(observed.get(0).find("", "ConfigMap", "argocd", "argocd-cm").isEmpty());
            assertTrue(err.toString().contains("ConfigMap argocd/argocd-cm: not readable (403 forbidden)"), err.toString());
        }
    }

    @Test
    void forbiddenKindIsExit2() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            new EstateSeeder(cluster).seed(1, 0, 1);
            cluster.forbid("/apis/keyvault.azure.upbound.io/v1beta2/vaults", "vaults is forbidden");
            Path out = tmp.resolve("out");
            assertEquals(2, migrate(cluster.kubeconfig(tmp), "migrate", fixture(), "-o", out.toString(), "--from-cluster", "--fail-on", "error"));
            assertTrue(err.toString().contains("error: cluster:vaults.keyvault.azure.upbound.io: cannot list "
                    + "vaults.keyvault.azure.upbound.io (403 forbidden): vaults is forbidden"), err.toString());
            assertFalse(Files.exists(out));
            assertTrue(observed.isEmpty());
        }
    }

    @Test
    void forbiddenNonAzureMrKindIsSkipped() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            new EstateSeeder(cluster).seed(1, 0, 0);
            cluster.forbid("/apis/kubernetes.crossplane.io/v1alpha2/objects", "objects is forbidden");
            Path out = tmp.resolve("out");
            assertEquals(0, migrate(cluster.kubeconfig(tmp), "migrate", fixture(), "-o", out.toString(), "--from-cluster", "--fail-on", "error"),
                    err.toString());
            assertTrue(err.toString().contains("objects.kubernetes.crossplane.io: not listed (403), not an Azure kind: skipped"),
                    err.toString());
            assertEquals(1, observed.size());
        }
    }

    @Test
    void unreachableClusterIsExit2() throws Exception {
        DeadCluster dead = DeadCluster.in(tmp.resolve("dead"));
        Path kc = dead.kubeconfig();
        Path out = tmp.resolve("out");
        assertEquals(2, migrate(kc, "migrate", fixture(), "-o", out.toString(), "--from-cluster"));
        assertTrue(err.toString().contains(dead.unreachable()),
                err.toString());
        assertEquals(2, migrate(kc, "migrate", fixture(), "-o", out.toString(), "--from-cluster", "--context", "nope"));
        assertTrue(err.toString().contains("context \"nope\" not found"), err.toString());
        assertFalse(Files.exists(out));
    }
}
