package io.xp2aso.cli;

import io.xp2aso.diff.StandInStages;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.testutil.GitFixture;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff command's own behaviour (files, exit codes, bad refs, output safety) over stand-in stages. */
class DiffCommandTest {
    @TempDir
    Path tmp;

    private StringWriter err = new StringWriter();

    private int diff(String... args) {
        err = new StringWriter();
        CommandLine cl = Main.commandLine();
        if (cl.getSubcommands().containsKey("diff")) {
            cl.getCommandSpec().removeSubcommand("diff");
        }
        cl.addSubcommand("diff", new DiffCommand(new MigrationPipeline(new StandInStages(), List.of())));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("diff"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private static String obj(String kind, String name) {
        return "apiVersion: example.azure.com/v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n";
    }

    private GitFixture repo() {
        GitFixture g = GitFixture.init(tmp.resolve("repo"));
        g.write("a.yaml", obj("Thing", "a")).commit("base");
        g.write("b.yaml", obj("Broken", "b")).commit("head");
        return g;
    }

    @Test
    void writesTheFourFilesAndExitsOneOnNewErrors() throws IOException {
        try (GitFixture g = repo()) {
            Path out = tmp.resolve("out");
            assertEquals(1, diff("--repo", g.dir().toString(), "HEAD~1", "HEAD", "-o", out.toString()), err.toString());
            assertEquals(List.of("diff-full.md", "diff.json", "diff.md", "diff.sarif"), list(out));
            String md = Files.readString(out.resolve("diff.md"));
            // the error, and the note that its object is kept out of aso/ (the strict gate)
            assertTrue(md.contains("### New findings (2)") && md.contains("`not-written`"), md);
            assertTrue(Files.readString(out.resolve("diff.sarif")).contains("\"uri\": \"b.yaml\""));
            assertTrue(err.toString().contains("2 new findings"), err.toString());
            assertTrue(err.toString().contains("exit 1"));

            assertEquals(0, diff("--repo", g.dir().toString(), "HEAD~1", "HEAD", "-o", out.toString(), "--fail-on", "never"));
            assertEquals(0, diff("--repo", g.dir().toString(), "HEAD", "HEAD~1", "-o", out.toString()),
                    "going back resolves the error and adds nothing");
            assertTrue(Files.readString(out.resolve("diff.md")).contains("### Resolved findings (2)"));
        }
    }

    @Test
    void badRefsAndNonRepositoriesExitTwoAndWriteNothing() throws IOException {
        try (GitFixture g = repo()) {
            Path out = tmp.resolve("out");
            assertEquals(2, diff("--repo", g.dir().toString(), "main~5", "HEAD", "-o", out.toString()));
            assertTrue(err.toString().startsWith("error: " + g.dir() + ": unknown ref 'main~5'"), err.toString());
            assertFalse(Files.exists(out));

            Path plain = Files.createDirectories(tmp.resolve("plain"));
            assertEquals(2, diff("--repo", plain.toString(), "HEAD~1", "HEAD", "-o", out.toString()));
            assertTrue(err.toString().contains("not a Git repository"), err.toString());

            assertEquals(2, diff("--repo", g.dir().toString(), "HEAD~1", "HEAD", "--fail-on", "sometimes"));
            assertEquals(2, diff("--repo", g.dir().toString(), "HEAD"));
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void badInputAtARefNamesPathAtRefAndLine() {
        try (GitFixture g = repo()) {
            g.write("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n").commit("broken yaml");
            Path out = tmp.resolve("out");
            assertEquals(2, diff("--repo", g.dir().toString(), "HEAD~1", "HEAD", "-o", out.toString()));
            assertTrue(err.toString().contains("\nerror: c.yaml@HEAD:4: malformed YAML"), err.toString());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void refusesToReplaceAForeignFolder() throws IOException {
        try (GitFixture g = repo()) {
            Path out = Files.createDirectories(tmp.resolve("mine"));
            Files.writeString(out.resolve("notes.txt"), "keep me");
            assertEquals(2, diff("--repo", g.dir().toString(), "HEAD~1", "HEAD", "-o", out.toString()));
            assertTrue(err.toString().contains("not empty"), err.toString());
            assertEquals(List.of("notes.txt"), list(out));
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
