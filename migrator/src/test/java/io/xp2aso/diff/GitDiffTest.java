package io.xp2aso.diff;

import io.xp2aso.model.Severity;
import io.xp2aso.source.InputException;
import io.xp2aso.testutil.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GitDiff's plumbing (two refs of one repository, migrated and compared; errors naming the revision) over
 * {@link StandInStages}.
 */
class GitDiffTest {
    @TempDir
    Path tmp;

    private static String obj(String kind, String name, String extra) {
        return "apiVersion: example.azure.com/v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n" + extra;
    }

    @Test
    void migratesBothRefsAndComparesThem() {
        try (GitFixture g = GitFixture.init(tmp.resolve("repo"))) {
            g.write("infra/a.yaml", obj("Thing", "a", "spec:\n  size: 1\n"))
                    .write("infra/b.yaml", obj("Thing", "b", "").replace("name: b\n", "name: b\n  annotations:\n    unmapped: spec.forProvider.x\n"))
                    .write("other/z.yaml", obj("Thing", "z", ""))
                    .commit("base");
            g.write("infra/a.yaml", "# a comment moves everything down\n" + obj("Thing", "a", "spec:\n  size: 2\n"))
                    .write("infra/b.yaml", obj("Thing", "b", ""))
                    .write("infra/c.yaml", obj("Broken", "c", ""))
                    .commit("head");
            OutputDiff d = GitDiff.run(g.dir().resolve("infra").toString(), "HEAD~1", "HEAD", StandInStages::run);
            assertEquals("HEAD~1", d.base().ref());
            assertEquals(40, d.base().commit().length());
            // b's output is the same on both sides; only its unmapped field went away.
            // c has an error: its objects are kept out of aso/ (the strict gate), so only a's output changed.
            assertEquals(List.of("aso/ns/a"), d.units().stream().map(OutputDiff.UnitChange::dir).toList());
            assertEquals("ns/a", d.units().get(0).unitId());
            assertEquals("comp-a", d.units().get(0).composition());
            assertTrue(d.units().get(0).files().get(0).diff().contains("-  size: 1\n+  size: 2\n"));
            // c's error, and the note that its objects were not written.
            assertEquals(List.of("broken", "not-written"), d.newFindings().stream().map(DiffFinding::code).sorted().toList());
            DiffFinding broken = d.newFindings().stream().filter(f -> f.code().equals("broken")).findFirst().orElseThrow();
            assertEquals("broken", broken.code());
            assertEquals("infra/c.yaml", broken.file(), "repo-relative, for SARIF");
            assertEquals(1, broken.line());
            assertEquals(1, d.resolvedFindings().size());
            assertEquals(RunSide.UNMAPPED_FIELD, d.resolvedFindings().get(0).code());
            assertEquals(Severity.UNMAPPED, d.resolvedFindings().get(0).severity());
        }
    }

    @Test
    void badInputAtARefNamesTheRevision() {
        try (GitFixture g = GitFixture.init(tmp.resolve("repo"))) {
            g.write("a.yaml", obj("Thing", "a", "")).commit("base");
            g.write("b.yaml", "\n" + obj("Invalid", "b", "")).commit("head");
            InputException e = assertThrows(InputException.class, () -> GitDiff.run(g.dir().toString(), "HEAD~1", "HEAD", StandInStages::run));
            assertEquals("error: b.yaml@HEAD:2: invalid object", e.render());
            InputException ref = assertThrows(InputException.class, () -> GitDiff.run(g.dir().toString(), "nope", "HEAD", StandInStages::run));
            assertTrue(ref.getMessage().contains("unknown ref 'nope'"));
        }
    }
}
