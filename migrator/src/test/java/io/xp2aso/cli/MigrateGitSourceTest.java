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

/** `migrate SOURCE --ref REF` and Git URLs as SOURCE, over stand-in stages (one unit per object). */
class MigrateGitSourceTest {
    @TempDir
    Path tmp;

    private StringWriter err = new StringWriter();

    private int migrate(String... args) {
        err = new StringWriter();
        CommandLine cl = Main.commandLine();
        if (cl.getSubcommands().containsKey("migrate")) {
            cl.getCommandSpec().removeSubcommand("migrate");
        }
        cl.addSubcommand("migrate", new MigrateCommand(new MigrationPipeline(new StandInStages(), List.of())));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private static String obj(String name) {
        return "apiVersion: example.azure.com/v1\nkind: Thing\nmetadata:\n  name: " + name + "\n";
    }

    private GitFixture repo() {
        GitFixture g = GitFixture.init(tmp.resolve("repo"));
        g.write("infra/a.yaml", obj("a")).write("other/o.yaml", obj("o")).commit("one");
        g.tag("v1");
        g.write("infra/b.yaml", obj("b")).commit("two");
        // Uncommitted: never read through Git.
        g.write("infra/c.yaml", obj("c"));
        return g;
    }

    private static List<String> units(Path out) throws IOException {
        try (var s = Files.list(out.resolve("aso/ns"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readsTheRepositoryAtTheRefWithoutTheWorkTree() throws IOException {
        try (GitFixture g = repo()) {
            Path out = tmp.resolve("out");
            assertEquals(0, migrate(g.dir().toString(), "--ref", "v1", "-o", out.toString()), err.toString());
            assertEquals(List.of("a", "o"), units(out));
            assertEquals(0, migrate(g.dir().resolve("infra").toString(), "--ref", "HEAD", "-o", out.toString()), err.toString());
            assertEquals(List.of("a", "b"), units(out), "a folder inside the work tree limits the read to it");
            assertTrue(Files.readString(out.resolve("report.json")).contains("\"infra/b.yaml\""),
                    "sources are named by their repo-relative path");
            assertEquals(0, migrate(g.dir().toUri() + "//infra", "-o", out.toString()), err.toString());
            assertEquals(List.of("a", "b"), units(out), "a URL is cloned and read at HEAD");
        }
    }

    @Test
    void badRefIsExitTwoAndWritesNothing() {
        try (GitFixture g = repo()) {
            Path out = tmp.resolve("out");
            assertEquals(2, migrate(g.dir().toString(), "--ref", "v2", "-o", out.toString()));
            assertTrue(err.toString().contains("error: " + g.dir() + ": unknown ref 'v2'"), err.toString());
            assertFalse(Files.exists(out));
            g.write("infra/bad.yaml", "kind: [\n").commit("bad");
            assertEquals(2, migrate(g.dir().toString(), "--ref", "HEAD", "-o", out.toString()));
            assertTrue(err.toString().contains("error: infra/bad.yaml@HEAD:"), err.toString());
            assertFalse(Files.exists(out));
        }
    }
}
