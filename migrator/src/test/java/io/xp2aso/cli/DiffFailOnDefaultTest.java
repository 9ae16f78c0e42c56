package io.xp2aso.cli;

import io.xp2aso.testutil.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 5 for `diff`: its default --fail-on is `unmapped`, as migrate's. A pull request that adds a field
 * the catalog does not carry (ASO's PUT may reset it in Azure) fails the check unless --fail-on error is asked for.
 */
class DiffFailOnDefaultTest {
    @TempDir
    Path tmp;

    private static String group(String extra) {
        return """
                apiVersion: azure.upbound.io/v1beta1
                kind: ResourceGroup
                metadata:
                  name: rg1
                  annotations: {crossplane.io/external-name: rg1}
                spec:
                  forProvider:
                    location: westeurope
                """ + extra;
    }

    private int diff(StringWriter err, Path repo, String... more) {
        String[] args = new String[]{"diff", "--repo", repo.toString(), "HEAD~1", "HEAD", "-o", tmp.resolve("out").toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return Main.run(all, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void aNewUnmappedFieldFailsTheDefaultCheck() {
        try (GitFixture g = GitFixture.init(tmp.resolve("repo"))) {
            g.write("rg.yaml", group("")).commit("base");
            g.write("rg.yaml", group("    someFutureField: on\n")).commit("head");
            StringWriter err = new StringWriter();
            assertEquals(1, diff(err, g.dir()), err.toString());
            assertTrue(err.toString().contains("--fail-on unmapped"), err.toString());
            assertEquals(0, diff(new StringWriter(), g.dir(), "--fail-on", "error"));
        }
    }
}
