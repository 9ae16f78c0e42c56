package io.xp2aso.handoff;

import io.xp2aso.cli.Main;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `xp2aso handoff` end to end through the CLI, against the mock API server on loopback. */
class HandoffCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(Harness h) throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PlanJson.write(h.plan));
        Path kube = dir.resolve("kubeconfig");
        Files.writeString(kube, h.world.kubeconfigYaml());
        return plan;
    }

    @Test
    void dryRunChecksEverythingAndChangesNothing() throws IOException {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml", "network.yaml");
        try (h.world) {
            Path plan = write(h);
            Result r = cli("handoff", plan.toString(), "--kubeconfig", dir.resolve("kubeconfig").toString());
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().startsWith("dry run (nothing is changed; add --execute to run): handoff of 2 units"), r.out());
            assertTrue(r.out().contains("[1/10 preflight] Preflight: read-only checks\n    ok: every check passed"), r.out());
            assertTrue(r.out().contains("would ensure: ObjectStore/team-a/assets has crossplane.io/paused=\"true\""), r.out());
            assertTrue(r.out().contains("would ensure: Account/assets-x7k2p-sa: deletionPolicy Orphan, managementPolicies [\"Observe\"]"), r.out());
            assertTrue(r.out().contains("[2/13 gitops-protect] Git: protect the XR XNetwork/team-c/edge-net from pruning"), r.out());
            assertFalse(Files.exists(dir.resolve("plan.state.json")), "a dry run saves no state");
            assertFalse(h.world.get(h.plan.units().get(0).claim()).orElseThrow().path("metadata").path("annotations")
                    .has(Keys.PAUSED), "a dry run changes nothing");
        }
    }

    @Test
    void dryRunReportsFailedPreconditions() throws IOException {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml");
        try (h.world) {
            Path plan = write(h);
            h.world.uninstall("storage.azure.com", "storageaccounts");
            h.world.executorCluster().delete(new ObjectRef("v1", "Secret", "azureserviceoperator-system", Keys.ASO_GLOBAL_SECRET));
            Result r = cli("handoff", plan.toString(), "--kubeconfig", dir.resolve("kubeconfig").toString());
            assertEquals(1, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("FAIL ASO kind storageaccount.storage.azure.com is not installed (no CRD)"), r.out());
            assertTrue(r.out().contains("FAIL no ASO credentials for namespace team-a"), r.out());
        }
    }

    @Test
    void unknownUnitExitsTwo() throws IOException {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml");
        try (h.world) {
            Path plan = write(h);
            Result r = cli("handoff", plan.toString(), "--execute", "--kubeconfig", dir.resolve("kubeconfig").toString(),
                    "--only", "no/such-unit");
            assertEquals(2, r.code());
            assertTrue(r.err().contains("no unit no/such-unit in the plan"), r.err());
            assertFalse(Files.exists(dir.resolve("plan.state.json")));
        }
    }

    @Test
    void badPlanFileExitsTwo() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{ not json");
        Result r = cli("handoff", plan.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + plan + ":1: not valid JSON"), r.err());
    }

    @Test
    void unreachableClusterExitsTwo() throws IOException {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml");
        Path plan;
        try (h.world) {
            plan = write(h);
        }
        // the world is closed: nothing listens on its port any more
        Result r = cli("handoff", plan.toString(), "--kubeconfig", dir.resolve("kubeconfig").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("cluster unreachable"), r.err());
    }

    @Test
    void deniedPermissionExitsTwo() throws IOException {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml");
        try (h.world) {
            Path plan = write(h);
            h.world.dispatcher().denyClients(403);
            Result r = cli("handoff", plan.toString(), "--kubeconfig", dir.resolve("kubeconfig").toString());
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("permission denied"), r.err());
        }
    }

    @Test
    void unknownContextExitsTwoAndNeverFallsBack() throws IOException {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml");
        try (h.world) {
            Path plan = write(h);
            Result r = cli("handoff", plan.toString(), "--kubeconfig", dir.resolve("kubeconfig").toString(),
                    "--context", "prod");
            assertEquals(2, r.code(), r.out() + r.err());
            assertEquals("error: " + dir.resolve("kubeconfig") + ": context \"prod\" not found (contexts: mock)\n", r.err());
            assertEquals("", r.out(), "nothing was checked against the current context");
        }
    }

    @Test
    void noKubeconfigIsAPlainError() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("KUBERNETES_SERVICE_HOST") == null,
                "running inside a cluster: the in-cluster service account would be used");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PlanJson.write(PlanGoldenTest.fixturePlan()));
        Result r = io.xp2aso.testutil.KubeconfigProperty.with(dir.resolve("absent"), () -> cli("handoff", plan.toString()));
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("error: kubeconfig: no kubeconfig found (KUBECONFIG, ~/.kube/config) and not running inside "
                + "a cluster: pass --kubeconfig\n", r.err());
    }

    /** A server that answers 404 to everything (not a Kubernetes API): exit 2 at once, no silent retries. */
    @Test
    void aServerAnswering404ExitsTwoAtOnce() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        try {
            Path plan = dir.resolve("plan.json");
            Files.writeString(plan, PlanJson.write(PlanGoldenTest.fixturePlan()));
            Path kube = dir.resolve("kubeconfig");
            Files.writeString(kube, "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:"
                    + server.getAddress().getPort() + "\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\n"
                    + "current-context: c\nusers:\n- name: u\n  user:\n    token: t\n");
            long start = System.nanoTime();
            Result r = cli("handoff", plan.toString(), "--kubeconfig", kube.toString());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("the server answered 404 Not Found to read CRDs: it is not a Kubernetes API "
                    + "server"), r.err());
            assertFalse(r.out().contains("state"), "no state file is mentioned: " + r.out());
            assertTrue(seconds < 20, "took " + seconds + " s");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void offlinePrintsThePlanWithoutACluster() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PlanJson.write(PlanGoldenTest.fixturePlan()));
        Result r = io.xp2aso.testutil.KubeconfigProperty.with(dir.resolve("absent"),
                () -> cli("handoff", plan.toString(), "--offline", "--only", "team-a/assets"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("offline (no cluster is contacted; a run checks all of this live): 1 unit\n"
                + "unit team-a/assets: ready, 0/10 steps done\n  [1/10 preflight] Preflight: read-only checks (may stop for: drift)\n"), r.out());
        assertTrue(r.out().contains("  [9/10 retire] Retire the Crossplane objects without touching Azure\n"), r.out());
        Result negative = cli("handoff", plan.toString(), "--offline", "--reconcile-interval", "-5");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("--reconcile-interval"), negative.err());
        Result both = cli("handoff", plan.toString(), "--offline", "--execute");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--offline"), both.err());
    }
}
