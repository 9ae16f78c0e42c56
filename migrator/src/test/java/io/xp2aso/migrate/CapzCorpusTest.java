package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.capz.AksTarget;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.model.Severity;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.CapzSchemas;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus folder with an AKS cluster migrates with --aks-target capz to CAPI/CAPZ/ASO objects that validate
 * against the real CRDs (the embedded ASO objects against their own), with a CAPI Cluster per cluster.
 */
class CapzCorpusTest {
    @Test
    void corpusAksCompositionsMigrateToSchemaValidCapz() throws IOException {
        Path corpus = Shared.corpus();
        CapzSchemas schemas = new CapzSchemas();
        List<String> problems = new ArrayList<>();
        List<String> aks = new ArrayList<>();
        int written = 0;
        try (Stream<Path> list = Files.list(corpus)) {
            for (Path dir : list.filter(Files::isDirectory).sorted().toList()) {
                if (!containsAks(dir)) {
                    continue;
                }
                aks.add(dir.getFileName().toString());
                MigrationRun run = MigrationPipeline.standard().run(SourceReader.read(List.of(dir.toString()), null),
                        MigrateOptions.defaults().withPaths(new DisplayPaths(corpus)).withAksTarget(AksTarget.CAPZ)
                                // resource groups outside a repository are owned by ARM ID, so the clusters are written
                                .withSubscription("00000000-0000-0000-0000-0000000000c1"));
                int clusters = 0;
                for (Map.Entry<String, String> e : run.files().entrySet()) {
                    String path = e.getKey();
                    if (!path.startsWith(AsoTree.ROOT + "/") || path.endsWith("/" + AsoTree.KUSTOMIZATION)) {
                        continue;
                    }
                    JsonNode node = Yaml.YAML.readTree(e.getValue());
                    clusters += "Cluster".equals(node.path("kind").asText()) ? 1 : 0;
                    List<String> found = new ArrayList<>(schemas.validate(path, node));
                    // An owner in another folder (a resource group chosen by labels) cannot be resolved: the object
                    // lacks spec.owner by design and the report says so (owner-unresolved), as for --aks-target aso.
                    found.removeIf(p -> p.endsWith(": spec.owner: required")
                            && run.files().get(MigrationPipeline.REPORT_JSON).contains("owner-unresolved"));
                    problems.addAll(found);
                }
                // A cluster whose MR or unit has errors is kept out of aso/ (the strict gate); any other is written.
                boolean writable = run.mapped().units().stream()
                        .filter(u -> u.unit().findings().stream().noneMatch(f -> f.severity() == Severity.ERROR))
                        .flatMap(u -> u.resources().stream())
                        .anyMatch(r -> r.source().object().path("kind").asText().equals("KubernetesCluster")
                                && !r.targets().isEmpty()
                                && r.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR));
                written += clusters;
                assertTrue(clusters > 0 || !writable, dir + ": an AKS cluster was mapped but no CAPI Cluster written");
            }
        }
        assertTrue(aks.contains("upbound__configuration-azure-aks") && aks.contains("upbound__platform-ref-azure"), aks.toString());
        assertEquals(List.of(), problems);
        assertTrue(written > 0, "some corpus AKS cluster is written as a CAPI Cluster");
    }

    private static boolean containsAks(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("kind: KubernetesCluster\n");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
