package io.xp2aso.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.inventory.EstateSeeder;
import io.xp2aso.inventory.MockCluster;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import io.xp2aso.testutil.DeadCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * migrate --from-cluster without SOURCE, with the real pipeline: the live objects of a mock cluster (CRUD mode)
 * are the input, and the output is validated against the real ASO CRDs the cluster serves.
 */
class MigrateLiveClusterTest {
    @TempDir
    Path tmp;

    final StringWriter err = new StringWriter();

    private int migrate(Path kubeconfig, String... args) {
        CommandLine cl = Main.commandLine();
        cl.getCommandSpec().removeSubcommand("migrate");
        cl.addSubcommand("migrate", new MigrateCommand(MigrationPipeline.standard()));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return io.xp2aso.testutil.KubeconfigProperty.with(kubeconfig, () -> cl.execute(args));
    }

    static ObjectNode realCrd(String name) throws IOException {
        Path f = Shared.reference().resolve("aso/crds/apiextensions.k8s.io_v1_customresourcedefinition_" + name + ".yaml");
        return (ObjectNode) Yaml.YAML.readTree(f.toFile());
    }

    /**
     * The estate of the scan tests (network: P&T; storage: Pipeline P&T; analytics: function-go-templating, whose MRs
     * carry no composition-resource-name) and real ASO CRDs for resource groups, key vaults and storage accounts, the
     * latter from an ASO release that does not serve v20250601 yet (the catalog's default). Network kinds: no CRD.
     */
    static EstateSeeder seed(MockCluster cluster) throws IOException {
        EstateSeeder seeded = new EstateSeeder(cluster).seed(3, 3, 2, false);
        cluster.applyCrd(realCrd("resourcegroups.resources.azure.com"));
        cluster.applyCrd(realCrd("vaults.keyvault.azure.com"));
        ObjectNode sa = realCrd("storageaccounts.storage.azure.com");
        for (JsonNode v : sa.path("spec").path("versions")) {
            if (v.path("name").asText().startsWith("v20250601")) {
                ((ObjectNode) v).put("served", false).put("storage", false);
            }
        }
        cluster.applyCrd(sa);
        return seeded;
    }

    static List<JsonNode> all(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void migratesTheLiveObjectsAndValidatesAgainstTheServedCrds() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            EstateSeeder seeded = seed(cluster);
            Path out = tmp.resolve("out");
            assertEquals(1, migrate(cluster.kubeconfig(tmp), "migrate", "--from-cluster", "-o", out.toString()),
                    err.toString());
            String log = err.toString();
            assertTrue(log.contains("no SOURCE: migrating the live objects as they are"), log);
            assertTrue(log.contains("storage.azure.com/StorageAccount=v1api20230101"), log);

            JsonNode report = Yaml.JSON.readTree(out.resolve("report.json").toFile());
            assertEquals(seeded.claims, report.path("summary").path("claims").asInt());
            assertEquals(seeded.composites, report.path("summary").path("composites").asInt());
            assertEquals(seeded.mrKeys.size() + seeded.vaults.size(), report.path("summary").path("managedResources").asInt());

            // The function-go-templating claim: its live MRs migrate as they are.
            JsonNode analytics = all(report.path("units")).stream().filter(u -> u.path("id").asText().equals("team-a/an-0000"))
                    .findFirst().orElseThrow();
            assertEquals("analytics", analytics.path("composition").asText());
            assertEquals("cluster:mock/platform.example.org/v1alpha1/Analytics/team-a/an-0000",
                    analytics.path("claim").path("file").asText());
            Path unit = out.resolve("aso/team-a/an-0000");
            String rg = Files.readString(unit.resolve("resourcegroup-an-0000-rg.yaml"));
            assertTrue(rg.contains("apiVersion: resources.azure.com/v1api20200601\n"), rg);
            assertTrue(rg.contains("location: northeurope"), rg);
            assertTrue(rg.contains("xp2aso.io/source-file: cluster:mock/azure.upbound.io/v1beta1/ResourceGroup/an-0000-rg"), rg);
            // The vault (no owner) and the account (an invalid Azure name) violate the served schemas: the strict
            // gate keeps them out of aso/; the violations below say why, with the version the cluster serves.
            assertFalse(Files.exists(unit.resolve("vault-an-0000-kv.yaml")));
            assertFalse(Files.exists(out.resolve("aso/team-a/st-0000/storageaccount-st-0000-sa.yaml")));

            // Violations of the served schemas, on the resource they come from, naming object and field.
            JsonNode sa = resource(report, "Account", "st-0000-sa");
            JsonNode violation = all(sa.path("findings")).stream()
                    .filter(f -> f.path("code").asText().equals("aso-schema-violation")).findFirst().orElseThrow();
            assertEquals("error", violation.path("severity").asText());
            assertTrue(violation.path("message").asText().startsWith("StorageAccount team-a/st-0000-sa "
                    + "(storage.azure.com/v1api20230101): `spec.azureName`: `sast-0000` does not match"), violation.toString());
            assertTrue(violation.path("message").asText().contains("schema served by cluster mock (" + cluster.url() + ")"),
                    violation.toString());
            JsonNode kv = resource(report, "Vault", "an-0000-kv");
            assertTrue(all(kv.path("findings")).stream().anyMatch(f -> f.path("code").asText().equals("aso-schema-violation")
                    && f.path("message").asText().contains("`spec.owner`: required")), kv.toString());
            // A resource group is valid against its served schema.
            assertTrue(all(resource(report, "ResourceGroup", "an-0000-rg").path("findings")).stream()
                    .noneMatch(f -> f.path("code").asText().startsWith("aso-")));

            // Kinds the cluster has no CRD for: one warning per kind.
            List<String> notServed = all(report.path("findings")).stream()
                    .filter(f -> f.path("code").asText().equals("aso-crd-not-served"))
                    .peek(f -> assertEquals("warning", f.path("severity").asText()))
                    .map(f -> f.path("subject").asText()).sorted().toList();
            // (No blob service object: the containers are owned by the live service's ARM ID.)
            assertEquals(List.of("network.azure.com/VirtualNetwork", "network.azure.com/VirtualNetworksSubnet",
                    "storage.azure.com/StorageAccountsBlobServicesContainer"), notServed);

            // Status and server bookkeeping never reach the ASO objects.
            try (Stream<Path> files = Files.walk(out.resolve("aso"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    for (String leak : List.of("atProvider", "resourceVersion", "managedFields", "uid:", "conditions")) {
                        assertFalse(text.contains(leak), f + " contains " + leak);
                    }
                }
            }
        }
    }

    private static JsonNode resource(JsonNode report, String kind, String name) {
        return all(report.path("resources")).stream()
                .filter(r -> r.path("source").path("kind").asText().equals(kind)
                        && r.path("source").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no resource " + kind + "/" + name));
    }

    @Test
    void neitherSourceNorClusterIsAUsageError() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(2, migrate(tmp.resolve("no-kubeconfig"), "migrate", "-o", out.toString()));
        assertTrue(err.toString().contains("give SOURCE (a folder, file, `-` or Git repository), or --from-cluster"),
                err.toString());
        assertEquals(2, migrate(tmp.resolve("no-kubeconfig"), "migrate", "--from-cluster", "--ref", "main"));
        assertTrue(err.toString().contains("--ref reads SOURCE at a Git ref; it needs a SOURCE"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void unreachableClusterIsExit2AndWritesNothing() throws Exception {
        DeadCluster dead = DeadCluster.in(tmp.resolve("dead"));
        Path kc = dead.kubeconfig();
        Path out = tmp.resolve("out");
        assertEquals(2, migrate(kc, "migrate", "--from-cluster", "-o", out.toString()));
        assertTrue(err.toString().contains(dead.unreachable()),
                err.toString());
        assertFalse(Files.exists(out));
    }
}
