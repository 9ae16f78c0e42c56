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
}
