package io.xp2aso.cli;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.xp2aso.inventory.EstateSeeder;
import io.xp2aso.inventory.MockCluster;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `xp2aso scan` end to end: flags, outputs, and exit 2 with a clear message when the cluster cannot be scanned. */
class ScanCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path kubeconfig(String server) throws Exception {
        Path f = tmp.resolve("kubeconfig");
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c1, cluster: {server: "%s"}}]
                contexts:
                - {name: one, context: {cluster: c1, user: u}}
                - {name: two, context: {cluster: c1, user: u}}
                current-context: one
                users: [{name: u, user: {token: t}}]
                """.formatted(server));
        return f;
    }

    @Test
    void unreachableClusterIsExit2AndWritesNothing() throws Exception {
        io.xp2aso.testutil.DeadCluster dead = io.xp2aso.testutil.DeadCluster.in(tmp);
        Path out = tmp.resolve("out");
        Run r = run("scan", "--kubeconfig", dead.kubeconfig().toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(dead.unreachable()), r.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("kubeconfig"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void noKubeconfigAnywhereIsExit2() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("KUBERNETES_SERVICE_HOST") == null,
                "running inside a cluster: the in-cluster service account would be used");
        Run r = runWith(tmp.resolve("absent"), "scan", "-o", tmp.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals("error: kubeconfig: no kubeconfig found (KUBECONFIG, ~/.kube/config) and not running inside "
                + "a cluster: pass --kubeconfig\n", r.err());
    }

    /** Runs with fabric8's kubeconfig property (read like KUBECONFIG) set to the given file. */
    private Run runWith(java.nio.file.Path kubeconfig, String... args) {
        return io.xp2aso.testutil.KubeconfigProperty.with(kubeconfig, () -> run(args));
    }

    @Test
    void unknownContextIsExit2() throws Exception {
        Path kc = kubeconfig("http://127.0.0.1:1");
        Run r = run("scan", "--kubeconfig", kc.toString(), "--context", "three", "-o", tmp.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals("error: " + kc + ": context \"three\" not found (contexts: one, two)\n", r.err());
    }

    @Test
    void missingOrMalformedKubeconfigIsExit2() throws Exception {
        Run missing = run("scan", "--kubeconfig", tmp.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: " + tmp.resolve("nope") + ": kubeconfig file not found"), missing.err());
        Path bad = tmp.resolve("bad");
        Files.writeString(bad, "clusters: [unterminated\n");
        Run malformed = run("scan", "--kubeconfig", bad.toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().startsWith("error: " + bad + ": cannot read kubeconfig"), malformed.err());
    }

    @Test
    void scansAClusterIntoTheOutputFolder() throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try {
            // An empty cluster: no Crossplane at all is a valid, if short, inventory.
            Path out = tmp.resolve("inv");
            Run r = run("scan", "--kubeconfig", kubeconfig(server.url("/")).toString(), "--context", "two",
                    "-n", "team-a", "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("scan: 0 claims, 0 XRs, 0 managed resources; 0 movable today (0.0%)"), r.out());
            assertTrue(r.err().contains("scan: customresourcedefinitions.apiextensions.k8s.io: 0"), r.err());
            var json = Yaml.JSON.readTree(out.resolve("inventory.json").toFile());
            assertEquals("two", json.path("cluster").path("context").asText());
            assertEquals("team-a", json.path("cluster").path("namespace").asText());
            assertFalse(json.path("aso").path("installed").asBoolean());
            assertTrue(Files.exists(out.resolve("inventory.md")));
            assertTrue(Files.exists(out.resolve("inventory.html")));
        } finally {
            server.destroy();
        }
    }

    @Test
    void migratabilityComesFromTheBuiltInCatalog() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            EstateSeeder seeded = new EstateSeeder(cluster).seed(6, 6, 2);
            Path out = tmp.resolve("inv");
            Run r = run("scan", "--kubeconfig", cluster.kubeconfig(tmp).toString(), "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            var json = Yaml.JSON.readTree(out.resolve("inventory.json").toFile());
            MappingCatalog catalog = MappingCatalog.load(null);
            long movable = 0;
            int kinds = 0;
            for (var k : json.path("migratability")) {
                boolean mapped = catalog.hasMapping(k.path("apiVersion").asText(), k.path("kind").asText());
                assertEquals(mapped, k.path("mapped").asBoolean(), k.toString());
                int targets = catalog.find(k.path("apiVersion").asText(), k.path("kind").asText())
                        .map(m -> m.targets().size()).orElse(0);
                assertEquals(targets, k.path("asoTargets").size(), k.toString());
                movable += k.path("movable").asLong();
                kinds++;
            }
            assertEquals(7, kinds); // ResourceGroup, VirtualNetwork, Subnet, Account, Container, Workspace, Vault
            assertEquals(movable, json.path("summary").path("movableManagedResources").asLong());
            assertEquals(seeded.mrKeys.size() + seeded.vaults.size(), json.path("summary").path("managedResources").asInt());
            assertTrue(catalog.hasMapping("azure.upbound.io/v1beta1", "ResourceGroup"), "the built-in catalog maps resource groups");
            assertTrue(movable > 0);
        }
    }

    /** Issue 16 item 10: a web server that is not Kubernetes (404 for every API path) is an error, not an empty scan. */
    @Test
    void aServerThatIsNotKubernetesIsExit2() throws Exception {
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", ex -> {
            byte[] body = "404 page not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        web.start();
        try {
            String url = "http://127.0.0.1:" + web.getAddress().getPort();
            Path out = tmp.resolve("out");
            Run r = run("scan", "--kubeconfig", kubeconfig(url).toString(), "-o", out.toString());
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("not a Kubernetes API server"), r.err());
            assertFalse(Files.exists(out));
        } finally {
            web.stop(0);
        }
    }
}
