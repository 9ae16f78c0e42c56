package io.xp2aso.cli;

import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingsCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listShowsKindsAndTargets() {
        Run r = run("mappings", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("storage.azure.upbound.io/Account"), r.out());
        assertTrue(r.out().contains("storage.azure.com/v20250601 StorageAccountsBlobService when blobProperties"), r.out());
        assertTrue(r.out().contains("merged into keyvault.azure.upbound.io/Vault"), r.out());
    }

    @Test
    void checkAndCoverageAgainstTheReferenceCrds() {
        Path ref = Shared.reference();
        // The catalog's olderNames are checked against the original provider's CRDs (--legacy-crds).
        Run check = run("mappings", "check", "--crds", ref.resolve("aso/crds").toString(), "--crds", ref.resolve("upjet-azure/crds").toString(),
                "--legacy-crds", ref.resolve("upjet-azure-legacy/crds").toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains(" 0 problems"), check.out());
        // Seconds of work say what they are doing, on standard error (issue 16 item 13).
        assertTrue(check.err().contains("xp2aso mappings check: indexing the CRDs of "), check.err());
        assertTrue(check.err().matches("(?s).*CRDs found.*\\d+/\\d+ mapping files.*"), check.err());
        assertFalse(check.out().contains("indexing"), "standard output keeps only the result");
        Run cov = run("mappings", "coverage", "--crds", ref.resolve("upjet-azure/crds").toString(),
                "--legacy-crds", ref.resolve("upjet-azure-legacy/crds").toString(), "--min", "90");
        assertEquals(0, cov.code(), cov.out());
        assertTrue(cov.out().contains("TOTAL"), cov.out());
    }

    @Test
    void badCatalogsAreExitCodes() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-cli-catalog");
        Files.writeString(dir.resolve("x.yaml"), "source: {group: azure.upbound.io, kind: X}\nmergeInto: 3\n");
        Run bad = run("mappings", "list", "--mappings", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: " + dir.resolve("x.yaml") + ":2: mergeInto must be a map"), bad.err());
        Run missing = run("mappings", "check", "--mappings", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        Run below = run("mappings", "coverage", "--crds", Shared.reference().resolve("upjet-azure/crds").toString(),
                "--min", "100.1");
        assertEquals(1, below.code(), below.out());
    }

    private static final String RG_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: resourcegroups.azure.upbound.io}
            spec:
              group: azure.upbound.io
              names: {kind: ResourceGroup, plural: resourcegroups}
              scope: Cluster
              versions:
                - name: v1beta1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            forProvider:
                              type: object
                              properties:
                                location: {type: string}
                                tags: {type: object, additionalProperties: {type: string}}
            """;

    /** Issue 16 item 10: CRD folders without the relevant CRDs check nothing, which must not pass. */
    @Test
    void checkingNothingIsAnError() throws Exception {
        Path unrelated = Files.createTempDirectory("xp2aso-unrelated-crds");
        Files.writeString(unrelated.resolve("widgets.yaml"), RG_CRD.replace("azure.upbound.io", "example.org")
                .replace("ResourceGroup", "Widget").replace("resourcegroups", "widgets"));
        Run cov = run("mappings", "coverage", "--crds", unrelated.toString(), "--min", "90");
        assertEquals(2, cov.code(), cov.out());
        assertTrue(lastLine(cov.err()).startsWith("error: " + unrelated + ": no upjet CRD of any of the"), cov.err());
        assertFalse(cov.out().contains("TOTAL"), cov.out());
        Run check = run("mappings", "check", "--crds", unrelated.toString());
        assertEquals(2, check.code(), check.out());
        assertTrue(lastLine(check.err()).startsWith("error: " + unrelated + ": no CRD of a mapped kind found"), check.err());

        Path rgOnly = Files.createTempDirectory("xp2aso-rg-crd");
        Files.writeString(rgOnly.resolve("rg.yaml"), RG_CRD);
        Run part = run("mappings", "check", "--crds", rgOnly.toString());
        assertEquals(1, part.code(), part.out());
        assertTrue(part.out().contains("problem: " + rgOnly + ": no ASO CRD of any target: no `to` path was checked"), part.out());
        Run partCov = run("mappings", "coverage", "--crds", rgOnly.toString(), "--min", "50");
        assertEquals(1, partCov.code(), partCov.out());
        assertTrue(partCov.out().contains("not measured (no CRD): storage.azure.upbound.io/Account"), partCov.out());
        assertEquals(0, run("mappings", "coverage", "--crds", rgOnly.toString()).code(), "without --min: a report, exit 0");
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
