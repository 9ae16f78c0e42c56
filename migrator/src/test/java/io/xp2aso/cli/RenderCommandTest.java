package io.xp2aso.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCommandTest {
    record Run(int code, String out, String err) {
    }

    static String f(String name) {
        try {
            return Path.of(RenderCommandTest.class.getResource("/compose/cli/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("render"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rendersAPipelineWithEnvironmentAndObservedResources() {
        Run r = run("--composition", f("composition.yaml"), "--xr", f("xr.yaml"), "--environment", f("environment.yaml"),
                "--observed", f("observed.yaml"));
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                ---
                apiVersion: example.org/v1alpha1
                kind: XStorage
                metadata:
                  name: photos
                spec:
                  parameters:
                    tier: premium
                status:
                  conditions:
                    - reason: Available
                      status: "True"
                      type: Ready
                  endpoint: https://photos.blob.core.windows.net/
                ---
                apiVersion: storage.azure.upbound.io/v1beta1
                kind: Account
                metadata:
                  annotations:
                    crossplane.io/composition-resource-name: account
                  generateName: photos-
                  labels:
                    crossplane.io/composite: photos
                  name: photos-7f3k2
                  ownerReferences:
                    - apiVersion: example.org/v1alpha1
                      blockOwnerDeletion: true
                      controller: true
                      kind: XStorage
                      name: photos
                      uid: ""
                spec:
                  forProvider:
                    accountReplicationType: GRS
                    accountTier: Standard
                    location: westeurope
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void rendersAClaimThroughItsXrd() {
        Run r = run("--composition", f("composition.yaml"), "--xr", f("claim.yaml"), "--xrd", f("xrd.yaml"),
                "--environment", f("environment.yaml"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("name: photos-x9z2k"), r.out());
        assertTrue(r.out().contains("crossplane.io/claim-namespace: media"), r.out());
        assertTrue(r.out().contains("accountReplicationType: LRS"), r.out());
        assertTrue(r.out().contains("generateName: photos-x9z2k-"), r.out());
    }

    @Test
    void missingFileIsExitTwoWithFileAndLine() {
        Run r = run("--composition", "no-such-file.yaml", "--xr", f("xr.yaml"));
        assertEquals(2, r.code());
        assertEquals("error: no-such-file.yaml: no such file or directory", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void invalidCompositionNamesItsFileAndLine() {
        Run r = run("--composition", f("composition-bad-path.yaml"), "--xr", f("xr.yaml"));
        assertEquals(2, r.code());
        assertEquals("error: " + f("composition-bad-path.yaml") + ":15: Composition broken: "
                + "spec.resources[0] (account): patches[0]: fromFieldPath \"spec..tier\": unexpected '.' at position 5", r.err().strip());
    }

    @Test
    void aRenderCrossplaneWouldFailIsExitTwoAtTheTemplateLine() {
        Run r = run("--composition", f("composition.yaml"), "--xr", f("xr-bad-tier.yaml"), "--environment", f("environment.yaml"));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + f("composition.yaml") + ":29: step \"resources\""
                + " (function-patch-and-transform): cannot render composed resource \"account\""), r.err());
        assertTrue(r.err().contains("key gold is not found in map"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingEnvironmentConfigIsExitTwo() {
        Run r = run("--composition", f("composition.yaml"), "--xr", f("xr.yaml"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("EnvironmentConfig \"defaults\" not found"), r.err());
    }

    @Test
    void incompatibleXrIsExitTwo() {
        Run r = run("--composition", f("composition.yaml"), "--xr", f("environment.yaml"));
        assertEquals(2, r.code());
        // Crossplane's own objects (EnvironmentConfig, Composition, Function...) are never taken for the XR.
        assertTrue(r.err().contains("expected an XR or claim, found [EnvironmentConfig/defaults]"), r.err());
    }

    @Test
    void missingRequiredOptionIsUsageError() {
        Run r = run("--composition", f("composition.yaml"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required option: '--xr=FILE'"), r.err());
    }

    static String schemaFixture(String name) {
        try {
            return Path.of(RenderCommandTest.class.getResource("/compose/xrd-schema/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClaimGetsItsXrdDefaultsAndItsViolationsAreErrors(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String claims = java.nio.file.Files.readString(Path.of(schemaFixture("claims.yaml")));
        String[] docs = claims.split("(?m)^---\n");
        Path good = tmp.resolve("good.yaml");
        java.nio.file.Files.writeString(good, docs[0]);
        Run r = run("--composition", schemaFixture("composition.yaml"), "--xr", good.toString(), "--xrd", schemaFixture("definition.yaml"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("replication: GRS"), r.out());
        assertTrue(r.out().contains("- 10.0.0.0/16"), r.out());
        Path bad = tmp.resolve("bad.yaml");
        java.nio.file.Files.writeString(bad, docs[1]);
        r = run("--composition", schemaFixture("composition.yaml"), "--xr", bad.toString(), "--xrd", schemaFixture("definition.yaml"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("error: " + bad + ":9: spec.parameters.kubernetesVersion must be a string, not the number 1.3"), r.err());
    }

    static String fs(String name) {
        try {
            return Path.of(RenderCommandTest.class.getResource("/compose/filesystem/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void goTemplatingFromTheFileSystemRendersWithTheFunctionObjects() {
        Run without = run("--composition", fs("composition.yaml"), "--xr", fs("composition.yaml"));
        assertTrue(without.err().contains("ConfigMap templates is not in the sources")
                || without.err().contains("not in the sources"), without.err());
        assertTrue(!without.out().contains("group-0"), without.out());

        Run with = run("--composition", fs("composition.yaml"), "--xr", fs("composition.yaml"),
                "--functions", fs("functions.yaml"), "--functions", fs("templates.yaml"));
        assertEquals(0, with.code(), with.err());
        assertTrue(!with.err().contains("unsupported"), with.err());
        for (String name : List.of("group-0", "group-1", "shared")) {
            assertTrue(with.out().contains("crossplane.io/composition-resource-name: " + name), with.out());
        }
    }

    @Test
    void goTemplatingExtraResourcesComeFromTheGivenFiles() {
        Run without = run("--composition", f("composition-extra.yaml"), "--xr", f("composition-extra.yaml"));
        assertTrue(without.err().contains("requests extra resources [settings]"), without.err());
        assertTrue(!without.out().contains("RedisCache"), without.out());

        Run with = run("--composition", f("composition-extra.yaml"), "--xr", f("composition-extra.yaml"),
                "--extra-resources", f("extra.yaml"));
        assertEquals(0, with.code(), with.err());
        assertTrue(with.out().contains("kind: RedisCache") && with.out().contains("skuName: Premium"), with.out());
    }
}
