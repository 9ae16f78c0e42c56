package io.xp2aso.cli;

import io.xp2aso.testutil.GitFixture;
import io.xp2aso.testutil.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `xp2aso diff` through the real pipeline on a Git history built here: a pull request that adds a claim, changes
 * a Composition (a storage account's access tier) and adds a kind the mapping catalog has no file for.
 * diff.md and diff.sarif are compared with golden files (regenerate: -Dxp2aso.golden.update=true).
 */
class DiffEndToEndTest {
    private static final Path FIXTURES = Path.of("src/test/resources/diff/repo");

    @TempDir
    Path tmp;

    private GitFixture history() {
        GitFixture g = GitFixture.init(tmp.resolve("platform-repo"));
        g.copy(FIXTURES.resolve("definition.yaml"), "crossplane/definition.yaml")
                .copy(FIXTURES.resolve("composition-base.yaml"), "crossplane/composition.yaml")
                .copy(FIXTURES.resolve("claim-team-a.yaml"), "claims/team-a.yaml")
                .write("README.md", "platform\n")
                .commit("storage buckets for team-a");
        g.branch("base");
        g.copy(FIXTURES.resolve("composition-head.yaml"), "crossplane/composition.yaml")
                .copy(FIXTURES.resolve("claim-team-b.yaml"), "claims/team-b.yaml")
                .commit("cool tier, a cache per bucket, team-b");
        return g;
    }

    private int run(StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void pullRequestDiffMatchesTheGoldenFiles() throws IOException {
        try (GitFixture g = history()) {
            Path out = tmp.resolve("diff-out");
            StringWriter err = new StringWriter();
            int code = run(err, "diff", "--repo", g.dir().toString(), "base", "HEAD", "-o", out.toString(),
                    "--fail-on", "never");
            assertEquals(0, code, err.toString());
            String md = Files.readString(out.resolve("diff.md"), StandardCharsets.UTF_8);
            String sarif = Files.readString(out.resolve("diff.sarif"), StandardCharsets.UTF_8);
            Golden.assertMatches("diff/pr/diff.md", md);
            Golden.assertMatches("diff/pr/diff.sarif", sarif);
            assertTrue(md.contains("team-b/team-b-assets"), md);
            assertTrue(md.contains("-  accessTier: Hot\n+  accessTier: Cool\n"), md);
            assertTrue(sarif.contains("crossplane/composition.yaml"), sarif);

            StringWriter err2 = new StringWriter();
            assertEquals(1, run(err2, "diff", "--repo", g.dir().toString(), "base", "HEAD", "-o", out.toString(),
                    "--fail-on", "unmapped"), "the unsupported kind is new at HEAD");
            StringWriter err3 = new StringWriter();
            assertEquals(0, run(err3, "diff", "--repo", g.dir().toString(), "HEAD", "HEAD", "-o", out.toString(),
                    "--fail-on", "warning"));
            assertTrue(Files.readString(out.resolve("diff.md")).contains("No change"));
        }
    }
}
