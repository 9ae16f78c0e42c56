package io.xp2aso.cli;

import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/aso is the output of the README's first command, byte for byte: this test runs exactly that command in
 * the repository root (a child JVM, so that file names are relative to the root as for a user) and compares.
 * After a deliberate change, regenerate and review the diff:
 * {@code mvn -B -o test -Dtest=MigrateSamplesCliTest -Dxp2aso.updateGolden=true}
 * (the same as {@code ./xp2aso migrate samples/crossplane --observed samples/observed/observed.yaml -o samples/aso}).
 */
class MigrateSamplesCliTest {
    static final List<String> README_COMMAND = List.of("migrate", "samples/crossplane",
            "--observed", "samples/observed/observed.yaml");

    @TempDir
    Path tmp;

    @Test
    void theReadmeCommandWritesTheGoldenOutput() throws Exception {
        Path root = Shared.repoRoot();
        Path golden = root.resolve("samples/aso");
        boolean update = Boolean.getBoolean("xp2aso.updateGolden");
        Path out = update ? golden : tmp.resolve("out");
        Result r = run(root, out);
        assertTrue(r.exit == 0 || r.exit == 1, "exit " + r.exit + ":\n" + r.stderr);
        assertTrue(r.stderr.contains("xp2aso migrate: 2 claims, 3 composite resources (claims' included), 15 managed resources"), r.stderr);
        Map<String, String> expected = tree(golden);
        Map<String, String> actual = tree(out);
        assertEquals(expected.keySet(), actual.keySet(),
                "files of samples/aso (regenerate with -Dxp2aso.updateGolden=true and review the diff)");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), "samples/aso/" + e.getKey());
        }
    }

    record Result(int exit, String stderr) {
    }

    /** Runs xp2aso in a child JVM with the test class path, in the given folder. */
    static Result run(Path dir, Path out) throws IOException, InterruptedException {
        return run(dir, README_COMMAND, out);
    }

    /** Runs xp2aso with the given arguments (and -o out) in a child JVM with the test class path, in the given folder. */
    static Result run(Path dir, List<String> arguments, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(arguments);
        cmd.addAll(List.of("-o", out.toString()));
        Path errFile = Files.createTempFile("xp2aso-migrate", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null").exists()
                            ? new java.io.File("/dev/null") : errFile.toFile()))
                    .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("xp2aso migrate did not finish");
            }
            return new Result(p.exitValue(), Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
