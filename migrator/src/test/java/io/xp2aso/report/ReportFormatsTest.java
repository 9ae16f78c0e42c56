package io.xp2aso.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.migrate.TestRuns;
import io.xp2aso.model.Finding;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFormatsTest {
    private static final Finding WARNING = Finding.warning("tls-default", "minimum TLS | <b>1.2</b>",
            new Origin("dir with space/c.yaml", 4), "Account");

    private static MigrationRun run() {
        MappingResult mapped = TestRuns.storageMapped(List.of(WARNING));
        return TestRuns.run(mapped);
    }

    @Test
    void reportJsonHasTheContractKeys() throws Exception {
        JsonNode json = Yaml.JSON.readTree(run().files().get(MigrationPipeline.REPORT_JSON));
        for (String k : List.of("claims", "composites", "managedResources", "asoResources", "unmappedFields",
                "unsupportedKinds", "errors")) {
            assertTrue(json.path("summary").path(k).isInt(), "summary." + k);
        }
        assertEquals(1, json.path("summary").path("claims").asInt());
        assertEquals(3, json.path("summary").path("managedResources").asInt());
        assertEquals(4, json.path("summary").path("asoResources").asInt());
        assertEquals(1, json.path("summary").path("unmappedFields").asInt());
        JsonNode resources = json.path("resources");
        assertEquals(3, resources.size());
        for (JsonNode r : resources) {
            for (String k : List.of("apiVersion", "kind", "name", "file")) {
                assertTrue(r.path("source").path(k).isTextual(), "source." + k);
            }
            assertTrue(r.path("source").path("line").isInt());
            assertTrue(r.path("targets").isArray());
            for (JsonNode t : r.path("targets")) {
                for (String k : List.of("apiVersion", "kind", "namespace", "name", "azureName")) {
                    assertTrue(t.path(k).isTextual(), "target." + k);
                }
            }
            assertTrue(r.path("unmapped").isArray());
            for (JsonNode f : r.path("findings")) {
                for (String k : List.of("severity", "code", "message")) {
                    assertTrue(f.path(k).isTextual(), "finding." + k);
                }
            }
        }
        JsonNode account = resources.get(1);
        assertEquals("migrate/storage-unit.yaml", account.path("source").path("file").asText());
        assertEquals(29, account.path("source").path("line").asInt());
        assertEquals("spec.forProvider.queueProperties", account.path("unmapped").get(0).asText());
        assertEquals("warning", account.path("findings").get(0).path("severity").asText());
        assertEquals("default", account.path("targets").get(1).path("azureName").asText());
        assertTrue(json.path("findings").isArray());
        assertTrue(json.path("skipped").isArray());
    }

    @Test
    void sarifIsStructurallyValid() throws Exception {
        JsonNode sarif = Yaml.JSON.readTree(run().files().get(MigrationPipeline.REPORT_SARIF));
        assertEquals("2.1.0", sarif.path("version").asText());
        assertTrue(sarif.path("$schema").asText().contains("sarif-2.1.0"));
        assertEquals(1, sarif.path("runs").size());
        JsonNode runNode = sarif.path("runs").get(0);
        assertEquals("xp2aso", runNode.path("tool").path("driver").path("name").asText());
        JsonNode rules = runNode.path("tool").path("driver").path("rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            assertTrue(ids.add(rule.path("id").asText()), "rule ids are unique");
            assertFalse(rule.path("shortDescription").path("text").asText().isEmpty());
            assertTrue(Set.of("error", "warning", "note").contains(rule.path("defaultConfiguration").path("level").asText()));
        }
        assertEquals(Set.of("tls-default", "unmapped-field"), ids);
        JsonNode results = runNode.path("results");
        assertEquals(2, results.size());
        for (JsonNode r : results) {
            int index = r.path("ruleIndex").asInt();
            assertEquals(r.path("ruleId").asText(), rules.get(index).path("id").asText());
            assertTrue(Set.of("error", "warning", "note").contains(r.path("level").asText()));
            assertFalse(r.path("message").path("text").asText().isEmpty());
            JsonNode physical = r.path("locations").get(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText();
            assertFalse(uri.startsWith("/"), "relative uri: " + uri);
            assertEquals(SarifReport.SRCROOT, physical.path("artifactLocation").path("uriBaseId").asText());
            assertTrue(physical.path("region").path("startLine").asInt() >= 1);
        }
        JsonNode unmapped = results.get(0);
        assertEquals("unmapped-field", unmapped.path("ruleId").asText());
        assertEquals("migrate/storage-unit.yaml",
                unmapped.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
        assertEquals("dir%20with%20space/c.yaml",
                results.get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
    }

    @Test
    void anUnmappedFieldAlreadyReportedAsAFindingIsOneSarifResult() throws Exception {
        Finding unmapped = new Finding(io.xp2aso.model.Severity.UNMAPPED, SarifReport.UNMAPPED_RULE,
                "forProvider.queueProperties has no ASO equivalent", new Origin("c.yaml", 9), "Account");
        MigrationRun run = TestRuns.run(TestRuns.storageMapped(List.of(unmapped)));
        JsonNode results = Yaml.JSON.readTree(run.files().get(MigrationPipeline.REPORT_SARIF))
                .path("runs").get(0).path("results");
        assertEquals(1, results.size());
        assertEquals("forProvider.queueProperties has no ASO equivalent", results.get(0).path("message").path("text").asText());
        String md = run.files().get(MigrationPipeline.REPORT_MD);
        assertTrue(md.contains("`spec.forProvider.queueProperties`"));
        assertFalse(md.contains("has no ASO equivalent"), "listed once, under Unmapped fields");
    }

    @Test
    void markdownListsUnitsTargetsUnmappedAndEscapesText() {
        String md = run().files().get(MigrationPipeline.REPORT_MD);
        assertTrue(md.startsWith("# xp2aso migration report\n"));
        assertTrue(md.contains("| Claims | 1 |"));
        assertTrue(md.contains("### team-a/team-a-assets"));
        assertTrue(md.contains("- Composite resource: XStorageBucket team-a-assets-7xk2p (migrate/storage-unit.yaml:2)"));
        assertTrue(md.contains("| Account team-a-assets-7xk2p-* | account | migrate/storage-unit.yaml:29 | "
                + "StorageAccount team-a/teamaassets7xk2p, StorageAccountsBlobService team-a/teamaassets7xk2p-default | "
                + "teamaassets7xk2p, default |"), md);
        assertTrue(md.contains("- Account team-a-assets-7xk2p-*: `spec.forProvider.queueProperties`"));
        assertTrue(md.contains("- **warning** tls-default: minimum TLS \\| &lt;b&gt;1.2&lt;/b&gt; (dir with space/c.yaml:4)"));
    }

    @Test
    void displayPathsAreRelativeToTheBase() {
        DisplayPaths p = new DisplayPaths(java.nio.file.Path.of("/repo"));
        assertEquals("samples/a.yaml", p.file("/repo/samples/a.yaml"));
        assertEquals("/elsewhere/a.yaml", p.file("/elsewhere/a.yaml"));
        assertEquals("<stdin>", p.file("<stdin>"));
        assertEquals("cluster:Account/x", p.file("cluster:Account/x"));
        assertEquals("/x.yaml", DisplayPaths.asGiven().file("/x.yaml"));
    }
}
