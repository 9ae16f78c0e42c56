package io.xp2aso.handoff;

import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * handoff.sh runs the executor (`xp2aso handoff ... --only UNIT`), so it has every gate of it. Run with bash: with
 * a stand-in xp2aso that records its arguments, and with the real CLI against the mock API server.
 */
class HandoffScriptTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void bash() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash to run handoff.sh with");
    }

    record Run(int code, String out) {
    }

    private Path script(Plan plan) throws IOException {
        Path handoff = Files.createDirectories(dir.resolve("out/handoff"));
        Files.writeString(handoff.resolve("plan.json"), PlanJson.write(plan));
        Path sh = handoff.resolve("handoff.sh");
        Files.writeString(sh, HandoffScript.write(plan));
        return sh;
    }

    /** A stand-in xp2aso that prints its arguments, one per line. */
    private Path recorder() throws IOException {
        Path f = dir.resolve("fake-xp2aso");
        Files.writeString(f, "#!/bin/bash\nprintf 'ARG %s\\n' \"$@\"\n");
        assertTrue(f.toFile().setExecutable(true));
        return f;
    }

    /** The real CLI from the test classpath. */
    private Path realCli() throws IOException {
        Path f = dir.resolve("xp2aso");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(f, "#!/bin/bash\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' io.xp2aso.cli.Main \"$@\"\n");
        assertTrue(f.toFile().setExecutable(true));
        return f;
    }

    private static Run bash(Path sh, Path xp2aso, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", sh.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("XP2ASO", xp2aso.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void withoutArgumentsNothingRuns() throws Exception {
        Path sh = script(PlanGoldenTest.fixturePlan());
        for (String[] args : List.of(new String[]{}, new String[]{"run"}, new String[]{"rollback"},
                new String[]{"run", "--approve"}, new String[]{"everything"})) {
            Run r = bash(sh, recorder(), args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out());
            assertTrue(r.out().startsWith("usage: "), r.out());
            assertFalse(r.out().contains("ARG"), "xp2aso was not started: " + r.out());
        }
    }

    @Test
    void runsOneUnitThroughTheExecutor() throws Exception {
        Path sh = script(PlanGoldenTest.fixturePlan());
        String plan = sh.getParent().resolve("plan.json").toRealPath().toString();
        Run r = bash(sh, recorder(), "run", "team-a/assets", "--approve", "team-a/assets", "--context", "prod");
        assertEquals(0, r.code(), r.out());
        assertEquals(String.join("\n", "ARG handoff", "ARG " + plan, "ARG --execute", "ARG --resume", "ARG --only",
                "ARG team-a/assets", "ARG --approve", "ARG team-a/assets", "ARG --context", "ARG prod") + "\n", r.out());
        r = bash(sh, recorder(), "rollback", "team-a/assets");
        assertEquals(String.join("\n", "ARG handoff", "ARG " + plan, "ARG --execute", "ARG --rollback", "ARG --only",
                "ARG team-a/assets") + "\n", r.out());
    }

    @Test
    void missingXp2asoIsAPlainError() throws Exception {
        Path sh = script(PlanGoldenTest.fixturePlan());
        Run r = bash(sh, dir.resolve("no-such-xp2aso"), "check");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("no-such-xp2aso not found"), r.out());
    }

    /** The real executor, started by the script, checks the unit against the mock API server and changes nothing. */
    @Test
    void checkRunsTheRealExecutorAgainstTheCluster() throws Exception {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml");
        try (h.world) {
            Path sh = script(h.plan);
            Path kube = dir.resolve("kubeconfig");
            Files.writeString(kube, h.world.kubeconfigYaml());
            Run r = bash(sh, realCli(), "check", "team-a/assets", "--kubeconfig", kube.toString());
            assertEquals(0, r.code(), r.out());
            assertTrue(r.out().contains("dry run (nothing is changed; add --execute to run): handoff of 1 unit"), r.out());
            assertTrue(r.out().contains("ok: every check passed"), r.out());
            r = bash(sh, realCli(), "run", "no/such-unit", "--kubeconfig", kube.toString());
            assertEquals(2, r.code(), r.out());
            assertTrue(r.out().contains("no unit no/such-unit in the plan"), r.out());
        }
    }

    /**
     * handoff.sh run end to end with --execute: the real CLI, in its own process, hands the storage unit over against
     * the mock API server while the world's controllers run on a thread in real time (the plan polls every second);
     * the first run is killed part way and the operator runs it again (approving what it stopped on) until it is done.
     * The world's end-state invariants then hold as they do for the in-process executor.
     */
    @Test
    void runExecutesTheHandoffEndToEndWithAKillAndRerun() throws Exception {
        Harness h = new Harness(dir.resolve("w"), "storage.yaml");
        try (h.world) {
            Plan quick = new Plan(h.plan.schemaVersion(), h.plan.asoNamespace(), 60, 1, h.plan.units());
            Path sh = script(quick);
            Path kube = dir.resolve("kubeconfig");
            Files.writeString(kube, h.world.kubeconfigYaml());
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread controllers = new Thread(() -> {
                while (!stop.get()) {
                    synchronized (h.world) {
                        h.world.rounds(1);
                    }
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            controllers.start();
            List<String> shown = new ArrayList<>();
            try {
                Process killed = start(sh, realCli(), "run", "team-a/assets", "--kubeconfig", kube.toString(),
                        "--reconcile-interval", "1");
                StringBuilder first = new StringBuilder();
                Thread reader = new Thread(() -> {
                    try {
                        first.append(new String(killed.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        first.append(e);
                    }
                });
                reader.start();
                // Killed once the executor has begun changing the cluster (its saved progress shows orphan done).
                Path state = dir.resolve("out.handoff-state.json");
                long deadline = System.currentTimeMillis() + 60_000;
                while (killed.isAlive() && System.currentTimeMillis() < deadline
                        && !(Files.exists(state) && Files.readString(state).contains("\"orphan\""))) {
                    Thread.sleep(50);
                }
                killed.destroyForcibly().waitFor();
                reader.join();
                String approve = "";
                Run r = null;
                for (int i = 0; i < 8; i++) {
                    List<String> args = new ArrayList<>(List.of("run", "team-a/assets", "--kubeconfig", kube.toString(),
                            "--reconcile-interval", "1"));
                    if (!approve.isEmpty()) {
                        args.addAll(List.of("--approve", approve));
                    }
                    r = bash(sh, realCli(), args.toArray(String[]::new));
                    previewShown(r.out(), shown);
                    if (r.code() == 0) {
                        break;
                    }
                    assertEquals(1, r.code(), r.out());
                    approve = "team-a/assets";
                }
                assertEquals(0, r.code(), r.out());
                assertTrue(r.out().contains("handed over"), r.out());
            } finally {
                stop.set(true);
                controllers.join();
            }
            // The world's end-state check, over the progress the script's runs saved beside the output folder.
            Path judged = Files.createDirectories(dir.resolve("judged"));
            Files.copy(dir.resolve("out.handoff-state.json"), judged.resolve("plan.state.json"));
            Harness end = new Harness(judged, h.world, h.plan);
            end.approvedPreview.put("team-a/assets", shown);
            assertEquals(List.of(), end.endStateViolations());
        }
    }

    /** The takeover preview lines a run stopped on (what the operator then approves). */
    private static void previewShown(String out, List<String> shown) {
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("  STOPPED for approval: the takeover preview")) {
                in = true;
                shown.clear();
            } else if (in && line.startsWith("    ")) {
                shown.add(line.substring(4));
            } else {
                in = false;
            }
        }
    }

    private static Process start(Path sh, Path xp2aso, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", sh.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XP2ASO", xp2aso.toString());
        return pb.start();
    }
}
