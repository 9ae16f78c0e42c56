package io.xp2aso.cli;

import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every command block of README.md whose fence reads {@code ```sh tested} (the examples that work offline,
 * without a cluster or another repository), as a user would: with bash, in a folder that looks like the checkout
 * (its top-level entries linked), where {@code ./xp2aso} runs this build's classes. A block passes when bash exits 0
 * ({@code set -e}: every command of the block must succeed).
 */
class ReadmeCommandsTest {
    /** At least this many blocks are marked, so losing the marks fails instead of testing nothing. */
    static final int MIN_BLOCKS = 3;

    @TempDir
    Path tmp;

    record Block(int line, String text) {
    }

    @TestFactory
    Stream<DynamicTest> everyTestedBlockOfTheReadmeRuns() throws IOException {
        Path root = Shared.repoRoot();
        List<Block> blocks = testedBlocks(Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(blocks.size() >= MIN_BLOCKS, "README.md has " + blocks.size() + " blocks marked ```sh tested, expected at least " + MIN_BLOCKS);
        return blocks.stream().map(b -> DynamicTest.dynamicTest("README.md:" + b.line(), () -> run(root, b)));
    }

    static List<Block> testedBlocks(List<String> lines) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```sh tested")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                text.append(lines.get(j)).append('\n');
                j++;
            }
            out.add(new Block(i + 2, text.toString()));
            i = j;
        }
        return out;
    }

    private void run(Path root, Block block) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(tmp, "checkout");
        List<Path> links = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path p : top.toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("xp2aso") && !name.equals("out") && !name.startsWith(".")) {
                    links.add(Files.createSymbolicLink(work.resolve(name), p));
                }
            }
        }
        try {
            runIn(work, block);
        } finally {
            // Removed here so that the clean-up of the temporary folder never follows them into the checkout.
            for (Path l : links) {
                Files.delete(l);
            }
        }
    }

    private void runIn(Path work, Block block) throws IOException, InterruptedException {
        // The launcher would build the jar with Maven; this one runs the classes under test.
        Path launcher = work.resolve("xp2aso");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path stdout = tmp.resolve("stdout");
        Path stderr = tmp.resolve("stderr");
        Process p = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", block.text()).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("README.md:" + block.line() + ": the block did not finish in 3 minutes:\n" + block.text());
        }
        if (p.exitValue() != 0) {
            fail("README.md:" + block.line() + ": the block exited " + p.exitValue() + ":\n" + block.text()
                    + "--- stdout (end)\n" + tail(stdout) + "--- stderr (end)\n" + tail(stderr));
        }
    }

    private static String tail(Path f) throws IOException {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
