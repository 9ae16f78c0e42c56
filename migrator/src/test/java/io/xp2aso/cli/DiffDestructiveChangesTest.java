package io.xp2aso.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `xp2aso diff` names what a pull request makes Crossplane delete in Azure (issue 16 item 11): a composed resource
 * removed from a Composition, a claim removed, an MR renamed, a location or Azure name changed. Each case is a
 * two-commit history over the diff/repo fixtures (a resource group, a storage account and a container per claim).
 */
class DiffDestructiveChangesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/diff/repo");

    @TempDir
    Path tmp;

    private record Run(int code, JsonNode json, String md, String sarif) {
        List<String> changes() {
            List<String> out = new ArrayList<>();
            // "Kind generated-name (resource)" -> "Kind (resource)": the MR's generated name is not what is tested.
            json.path("destructive").forEach(c -> out.add(c.path("change").asText() + " "
                    + c.path("resource").asText().replaceFirst(" \\S+ \\(", " (")));
            return out;
        }
    }

    /** Base: the fixtures; head: the Composition and the claim as the operators make them (claim null: removed). */
    private Run diff(UnaryOperator<String> composition, UnaryOperator<String> claim) throws IOException {
        return diff(UnaryOperator.identity(), composition, claim);
    }

    private Run diff(UnaryOperator<String> baseComposition, UnaryOperator<String> headComposition,
                     UnaryOperator<String> headClaim) throws IOException {
        try (GitFixture g = GitFixture.init(tmp.resolve("repo"))) {
            String comp = Files.readString(FIXTURES.resolve("composition-base.yaml"));
            String claim = Files.readString(FIXTURES.resolve("claim-team-a.yaml"));
            g.copy(FIXTURES.resolve("definition.yaml"), "crossplane/definition.yaml")
                    .write("crossplane/composition.yaml", baseComposition.apply(comp))
                    .write("claims/team-a.yaml", claim)
                    .commit("base");
            g.write("crossplane/composition.yaml", headComposition.apply(comp));
            String newClaim = headClaim.apply(claim);
            if (newClaim == null) {
                g.delete("claims/team-a.yaml");
            } else {
                g.write("claims/team-a.yaml", newClaim);
            }
            g.commit("head");
            Path out = tmp.resolve("out");
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"diff", "--repo", g.dir().toString(), "HEAD~1", "HEAD", "-o",
                    out.toString(), "--fail-on", "error"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertTrue(code == 0 || code == 1, err.toString());
            return new Run(code, Yaml.JSON.readTree(Files.readString(out.resolve("diff.json"), StandardCharsets.UTF_8)),
                    Files.readString(out.resolve("diff.md"), StandardCharsets.UTF_8),
                    Files.readString(out.resolve("diff.sarif"), StandardCharsets.UTF_8));
        }
    }

    private static String withoutContainer(String composition) {
        int at = composition.indexOf("    - name: container");
        return composition.substring(0, at);
    }

    @Test
    void removingAComposedResourceDeletesItInAzure() throws IOException {
        Run r = diff(DiffDestructiveChangesTest::withoutContainer, c -> c);
        assertEquals(List.of("deleted Container (container)"), r.changes());
        JsonNode c = r.json().path("destructive").get(0);
        assertEquals("team-a/team-a-assets", c.path("unit").asText());
        assertEquals("assets", c.path("azure").asText(), "the container's Azure name");
        assertTrue(c.path("reason").asText().contains("no longer composes 'container'"), c.toString());
        assertEquals("crossplane/composition.yaml", c.path("file").asText());
        assertEquals(1, r.code(), "a destructive change fails --fail-on error");
        int section = r.md().indexOf("Destructive changes (1)");
        assertTrue(section > 0 && section < r.md().indexOf("Changed ASO manifests"), r.md());
        assertTrue(r.sarif().contains("\"ruleId\": \"destructive-change\""), r.sarif());
    }

    @Test
    void anOrphanedResourceIsNotDeleted() throws IOException {
        UnaryOperator<String> orphanContainer = s -> s.replace(
                "      patches:\n        - fromFieldPath: spec.parameters.containerName",
                "          deletionPolicy: Orphan\n      patches:\n        - fromFieldPath: spec.parameters.containerName");
        // Base already orphans the container; head removes it: Crossplane deletes the MR, not the container.
        Run r = diff(orphanContainer, s -> withoutContainer(orphanContainer.apply(s)), c -> c);
        assertEquals(List.of(), r.changes());
        assertEquals(0, r.code());
    }

    @Test
    void aNewLocationReplacesTheResources() throws IOException {
        Run r = diff(c -> c, c -> c.replace("location: westeurope", "location: northeurope"));
        assertEquals(List.of("replaced ResourceGroup (resource-group)", "replaced Account (account)"), r.changes());
        assertTrue(r.json().path("destructive").get(0).path("reason").asText().contains("location changes from westeurope to northeurope"));
    }

    @Test
    void aNewAzureNameIsAnotherResource() throws IOException {
        Run r = diff(c -> c, c -> c.replace("accountName: stteamaassets", "accountName: stteamanew"));
        assertEquals(List.of("replaced Account (account)"), r.changes());
        assertTrue(r.json().path("destructive").get(0).path("reason").asText()
                .contains("Azure name changes from stteamaassets to stteamanew"));
    }

    @Test
    void removingTheClaimDeletesEverythingItComposes() throws IOException {
        Run r = diff(c -> c, c -> null);
        assertEquals(List.of("deleted ResourceGroup (resource-group)", "deleted Account (account)", "deleted Container (container)"),
                r.changes());
    }

    @Test
    void aRenamedComposedResourceIsDeletedAndCreatedAgainAndKeepsItsFindings() throws IOException {
        Run r = diff(c -> c.replace("    - name: container", "    - name: blob-container"), c -> c);
        assertEquals(List.of("replaced Container (container)"), r.changes());
        assertTrue(r.json().path("destructive").get(0).path("reason").asText().contains("renamed to Container"));
        assertEquals(0, r.json().path("findings").path("new").size(), r.json().path("findings").toString());
        assertEquals(0, r.json().path("findings").path("resolved").size(), r.json().path("findings").toString());
    }

    @Test
    void anUnrelatedChangeIsNotDestructive() throws IOException {
        Run r = diff(c -> c.replace("accessTier: Hot", "accessTier: Cool"), c -> c);
        assertEquals(List.of(), r.changes());
        assertEquals(0, r.code());
        assertTrue(!r.md().contains("Destructive"), r.md());
    }
}
