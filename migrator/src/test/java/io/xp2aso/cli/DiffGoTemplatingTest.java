package io.xp2aso.cli;

import io.xp2aso.testutil.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `xp2aso diff` on a pull request that changes a function-go-templating Composition: the template renders natively
 * at both commits, so the change shows in the ASO output (no cluster, no --observed).
 */
class DiffGoTemplatingTest {
    private static final Path FIXTURES = Path.of("src/test/resources/diff/repo");

    @TempDir
    Path tmp;

    @Test
    void aTemplateChangeShowsInTheAsoDiff() throws Exception {
        try (GitFixture g = GitFixture.init(tmp.resolve("platform-repo"))) {
            g.copy(FIXTURES.resolve("definition.yaml"), "crossplane/definition.yaml")
                    .copy(FIXTURES.resolve("composition-gotemplating-base.yaml"), "crossplane/composition.yaml")
                    .copy(FIXTURES.resolve("claim-team-a.yaml"), "claims/team-a.yaml")
                    .commit("templated buckets");
            g.branch("base");
            g.copy(FIXTURES.resolve("composition-gotemplating-head.yaml"), "crossplane/composition.yaml")
                    .commit("cool tier");
            Path out = tmp.resolve("diff-out");
            StringWriter err = new StringWriter();
            int code = Main.run(new String[]{"diff", "--repo", g.dir().toString(), "base", "HEAD", "-o", out.toString(),
                    "--fail-on", "never"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertEquals(0, code, err.toString());
            String md = Files.readString(out.resolve("diff.md"), StandardCharsets.UTF_8);
            assertTrue(md.contains("-  accessTier: Hot\n+  accessTier: Cool\n"), md);
            assertFalse(md.contains("unsupported-function"), md);
            assertFalse(err.toString().contains("function-go-templating"), err.toString());
        }
    }
}
