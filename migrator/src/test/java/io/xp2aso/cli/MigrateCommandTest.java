package io.xp2aso.cli;

import io.xp2aso.mapping.MappingResult;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.Stages;
import io.xp2aso.migrate.TestRuns;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.source.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrate command's own behaviour (usage, exit codes, output folder safety, stdin) over stand-in stages that
 * return the hand-built storage unit; the real stages are exercised by the samples tests.
 */
class MigrateCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();
    private final List<Estate> seen = new ArrayList<>();
    private List<Finding> findings = List.of();

    private int migrate(InputStream stdin, String... args) {
        Stages stages = new Stages() {
            @Override
            public ComposeResult compose(Estate estate, MigrateOptions options) {
                seen.add(estate);
                return TestRuns.composed(TestRuns.storageMapped(findings));
            }

            @Override
            public MappingResult map(ComposeResult composed, MigrateOptions options) {
                return TestRuns.storageMapped(findings);
            }
        };
        MigrateCommand command = new MigrateCommand(new MigrationPipeline(stages, List.of()));
        command.stdin = stdin;
        CommandLine cl = Main.commandLine();
        if (cl.getSubcommands().containsKey("migrate")) {
            cl.getCommandSpec().removeSubcommand("migrate");
        }
        cl.addSubcommand("migrate", command);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private int migrate(String... args) {
        return migrate(InputStream.nullInputStream(), args);
    }

    private String fixture() {
        return TestRuns.resources().resolve("migrate/storage-unit.yaml").toString();
    }

    @Test
    void writesTheTreeAndReportsAndExitsZeroBelowTheThreshold() {
        Path out = tmp.resolve("out");
        assertEquals(0, migrate(fixture(), "-o", out.toString(), "--fail-on", "error"), err.toString());
        assertTrue(Files.isRegularFile(out.resolve("aso/kustomization.yaml")));
        assertTrue(Files.isRegularFile(out.resolve("aso/team-a/team-a-assets/storageaccount-teamaassets7xk2p.yaml")));
        for (String r : List.of("report.md", "report.json", "report.sarif")) {
            assertTrue(Files.isRegularFile(out.resolve(r)), r);
        }
        assertTrue(err.toString().contains("1 claim, 1 composite resource (claims' included), 3 managed resources -> 4 ASO resources"),
                err.toString());
    }

    @Test
    void failOnLevels() {
        // The stand-in run has one unmapped field and no findings.
        Path out = tmp.resolve("out");
        assertEquals(0, migrate(fixture(), "-o", out.toString(), "--fail-on", "error"));
        assertEquals(1, migrate(fixture(), "-o", out.toString()), "the default level is unmapped: a field ASO may reset fails");
        assertTrue(err.toString().contains("findings at or above --fail-on unmapped (highest: unmapped): exit 1"));
        assertEquals(1, migrate(fixture(), "-o", out.toString(), "--fail-on", "unmapped"));
        assertTrue(err.toString().contains("findings at or above --fail-on unmapped (highest: unmapped): exit 1"));
        assertEquals(1, migrate(fixture(), "-o", out.toString(), "--fail-on", "warning"));
        assertEquals(0, migrate(fixture(), "-o", out.toString(), "--fail-on", "never"));
        findings = List.of(Finding.error("external-name-unknown", "no external name", Origin.UNKNOWN, "x"));
        assertEquals(1, migrate(fixture(), "-o", out.toString()));
        assertEquals(0, migrate(fixture(), "-o", out.toString(), "--fail-on", "never"));
        assertTrue(Files.isRegularFile(out.resolve("report.json")), "the output is written also when failing");
        assertEquals(2, migrate(fixture(), "-o", out.toString(), "--fail-on", "sometimes"));
    }

    @Test
    void malformedInputExitsTwoNamingFileAndLineAndLeavesTheOutputUntouched() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, migrate(fixture(), "-o", out.toString(), "--fail-on", "error"));
        String before = Files.readString(out.resolve("report.json"));
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n");
        assertEquals(2, migrate(fixture(), bad.toString(), "-o", out.toString()));
        assertTrue(err.toString().contains("error: " + bad + ":"), err.toString());
        assertEquals(before, Files.readString(out.resolve("report.json")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of("bad.yaml", "out"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder left behind");
        }
    }

    @Test
    void badInputWritesNothingWhenTheFolderIsNew() throws IOException {
        Path out = tmp.resolve("fresh");
        assertEquals(2, migrate(tmp.resolve("missing.yaml").toString(), "-o", out.toString()));
        assertTrue(err.toString().contains("no such file or directory"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnwritableOutputFolderIsOnePlainLine() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Path out = file.resolve("out");
        assertEquals(2, migrate(fixture(), "-o", out.toString()));
        String e = err.toString().strip();
        assertTrue(e.contains("error: cannot create a staging folder beside " + out + ": " + file + " is a file, not a folder"), e);
        assertTrue(e.contains("writable"), e);
        assertEquals(1, e.lines().filter(l -> l.startsWith("error")).count(), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
    }

    @Test
    void readsStandardInput() throws IOException {
        byte[] yaml = Files.readAllBytes(Path.of(fixture()));
        Path out = tmp.resolve("out");
        assertEquals(0, migrate(new ByteArrayInputStream(yaml), "-", "-o", out.toString(), "--fail-on", "error"), err.toString());
        assertEquals(9, seen.get(0).all(io.xp2aso.model.ObjectKind.OTHER).size()
                + seen.get(0).all(io.xp2aso.model.ObjectKind.MANAGED).size());
        assertEquals("<stdin>", seen.get(0).all(io.xp2aso.model.ObjectKind.MANAGED).get(0).origin().file());
    }

    @Test
    void refusesToReplaceAForeignFolder() throws IOException {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "precious", StandardCharsets.UTF_8);
        assertEquals(2, migrate(fixture(), "-o", mine.toString()));
        assertTrue(err.toString().contains("is not the output of an earlier `xp2aso migrate`"), err.toString());
        assertEquals("precious", Files.readString(mine.resolve("notes.txt")));
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertEquals(2, migrate(fixture(), "-o", file.toString()));
    }

    @Test
    void usageErrorsExitTwo() {
        Path out = tmp.resolve("out");
        assertEquals(2, migrate(fixture(), "-o", out.toString(), "--context", "prod"));
        assertEquals(2, migrate(fixture(), "-o", out.toString(), "--target-namespace", "Not_A_Namespace"));
        assertEquals(2, migrate(fixture(), "-o", out.toString(), "--observed", "x.yaml", "--from-cluster"));
        assertEquals(2, migrate("-", "-o", out.toString(), "--ref", "main"));
        assertEquals(2, migrate("-o", out.toString()));
        assertEquals(2, migrate(fixture(), "-o", out.toString(), "--mappings", tmp.resolve("nope").toString()));
        assertEquals(2, migrate(fixture(), "-o", out.toString(), "--aks-target", "cluster-api"));
        assertTrue(err.toString().contains("--aks-target is aso or capz"), err.toString());
        assertFalse(Files.exists(out));
        assertTrue(seen.isEmpty(), "no usage error reaches the pipeline");
    }

    @Test
    void malformedObservedFileExitsTwo() throws IOException {
        Path observed = tmp.resolve("observed.yaml");
        Files.writeString(observed, "items: [\n");
        Path out = tmp.resolve("out");
        assertEquals(2, migrate(fixture(), "-o", out.toString(), "--observed", observed.toString()));
        assertTrue(err.toString().contains("error: " + observed + ":"), err.toString());
        assertFalse(Files.exists(out));
    }
}
