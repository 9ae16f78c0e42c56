package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.mapping.SchemaValidator;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The samples through the real pipeline: every unit composes, generated manifests validate against the real ASO
 * CRDs (unknown fields are errors), no Secret value leaks; and every corpus folder migrates. The byte-for-byte
 * golden comparison of samples/aso is MigrateSamplesCliTest.
 */
class SamplesTest {
    static final String SECRET_VALUE = "sample-only-N0t-a-real-Pa55word";

    static MigrationRun runSamples() {
        Path root = Shared.repoRoot();
        var sources = SourceReader.read(List.of(root.resolve("samples/crossplane").toString()), null);
        var observed = new ObservedIndex(SourceReader.read(
                List.of(root.resolve("samples/observed/observed.yaml").toString()), null).manifests());
        MigrateOptions options = MigrateOptions.defaults().withObserved(observed).withPaths(new DisplayPaths(root));
        return MigrationPipeline.standard().run(sources, options);
    }

    @Test
    void theSamplesComposeEveryUnit() {
        MigrationRun run = runSamples();
        var s = run.report().summary();
        assertEquals(2, s.claims());
        assertEquals(3, s.composites());
        assertEquals(15, s.managedResources());
        assertEquals(0, s.unsupportedKinds(), "every sample MR kind has a mapping");
        assertEquals(0, s.errors());
        for (var r : run.report().resources()) {
            assertFalse(r.source().name().isEmpty() || r.source().name().endsWith("*"),
                    "the observed snapshot names every MR: " + r.source());
        }
    }

    @Test
    void noOutputHoldsASecretValue() {
        for (Map.Entry<String, String> e : runSamples().files().entrySet()) {
            assertFalse(e.getValue().contains(SECRET_VALUE), e.getKey() + " holds the sample Secret's value");
        }
    }

    @Test
    void everyGeneratedManifestValidatesAgainstTheAsoCrds() {
        SchemaValidator validator = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
        List<String> problems = validate(validator, runSamples());
        assertEquals(List.of(), problems);
    }

    /** Every corpus folder migrates without a crash, and what it generates validates against the ASO CRDs. */
    @Test
    void everyCorpusFolderMigratesAndValidates() throws IOException {
        Path corpus = Shared.corpus();
        SchemaValidator validator = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
        List<String> problems = new ArrayList<>();
        int folders = 0;
        try (Stream<Path> list = Files.list(corpus)) {
            for (Path dir : list.filter(Files::isDirectory).sorted().toList()) {
                var sources = SourceReader.read(List.of(dir.toString()), null);
                MigrationRun run = MigrationPipeline.standard().run(sources,
                        MigrateOptions.defaults().withPaths(new DisplayPaths(corpus)));
                assertTrue(run.files().containsKey(MigrationPipeline.REPORT_JSON), dir.toString());
                // An owner outside the folder (e.g. a resource group chosen by matchLabels in another XR) cannot be
                // resolved: the object lacks spec.owner by design and the report says so with owner-unresolved.
                List<String> found = validate(validator, run);
                List<String> ownerless = found.stream().filter(p -> p.endsWith(": spec.owner: required")).toList();
                if (!ownerless.isEmpty()) {
                    assertTrue(run.files().get(MigrationPipeline.REPORT_JSON).contains("owner-unresolved"), dir + ": " + ownerless);
                }
                found.removeAll(ownerless);
                // Likewise a required reference whose target is not migrated (e.g. a RoleDefinition MR without an ASO
                // mapping): the field is left out and the report says so with reference-unresolved.
                String report = run.files().get(MigrationPipeline.REPORT_JSON);
                found.removeIf(p -> p.endsWith(": required") && report.contains("reference-unresolved")
                        && report.contains(p.substring(p.lastIndexOf(": spec.") + 2, p.length() - ": required".length())
                        + " is left out"));
                problems.addAll(found);
                folders++;
            }
        }
        assertTrue(folders > 0, "no corpus folders in " + corpus);
        assertEquals(List.of(), problems);
    }

    static List<String> validate(SchemaValidator validator, MigrationRun run) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : run.files().entrySet()) {
            String path = e.getKey();
            if (!path.startsWith(AsoTree.ROOT + "/") || path.endsWith("/" + AsoTree.KUSTOMIZATION)) {
                continue;
            }
            try {
                JsonNode node = Yaml.YAML.readTree(e.getValue());
                for (var p : validator.validate(node)) {
                    problems.add(path + ": " + p);
                }
            } catch (IOException ex) {
                problems.add(path + ": not YAML: " + ex.getMessage());
            }
        }
        return problems;
    }
}
