package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.Composer;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The corpus repositories whose Compositions use function-go-templating render natively (no --observed) and their
 * MRs migrate: the composed objects and the ASO objects equal the golden file
 * src/test/resources/mapping/gotemplating/REPO.golden.yaml. platformplane's Composition reads an EnvironmentConfig
 * its repository lacks: gotemplating/REPO.environment.yaml supplies one, as --environment would.
 * Regenerate with {@code -Dxp2aso.updateGolden=true} and review the diff.
 */
class GoTemplatingCorpusGoldenTest {
    /** Not render failures: objects the handoff cannot take over (a provider-kubernetes Object). */
    private static final Set<String> BLOCKERS = Set.of("non-azure-composed-resource", "unrendered-composed-resource");

    @ParameterizedTest
    @ValueSource(strings = {"livewyer-ops__crossplane-configuration-azure-workload-identity",
            "platformplane__catalog-crossplane-azure"})
    void rendersNativelyAndMigrates(String repo) throws Exception {
        Path dir = Shared.corpus().resolve(repo);
        Estate estate = new Estate(SourceReader.read(List.of(dir.toString()), new ByteArrayInputStream(new byte[0])));
        Path envFile = Fixtures.resource("gotemplating").resolve(repo + ".environment.yaml");
        List<Manifest> envs = new ArrayList<>();
        if (Files.exists(envFile)) {
            envs.addAll(new Estate(SourceReader.read(List.of(envFile.toString()), new ByteArrayInputStream(new byte[0])))
                    .all(ObjectKind.ENVIRONMENT_CONFIG));
        }
        ComposeResult composed = new Composer(envs).compose(estate, ObservedIndex.EMPTY);
        StringBuilder actual = new StringBuilder();
        int units = 0;
        for (Unit u : composed.units()) {
            if (u.composite() == null) {
                continue;
            }
            units++;
            List<String> problems = u.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && !BLOCKERS.contains(f.code())
                            || f.code().equals("unsupported-function") || f.code().equals("resources-from-observed"))
                    .map(Finding::toString).toList();
            assertEquals(List.of(), problems, u.id());
            assertFalse(u.resources().isEmpty(), u.id());
            actual.append("# unit ").append(u.id()).append(" via ").append(u.composition()).append(": composed\n");
            for (ComposedResource r : u.resources()) {
                actual.append("---\n").append(Yaml.YAML.writeValueAsString(r.object()));
            }
        }
        assertFalse(units == 0, "the corpus repository has an example claim or XR");
        MappingResult mapped = Mapper.map(composed, Fixtures.builtIn(), ObservedIndex.EMPTY,
                new MapOptions(null, FamilyCompositionGoldenTest.SUBSCRIPTION, Map.of()));
        Results r = new Results(mapped);
        actual.append("# ASO\n");
        for (ObjectNode t : r.targets()) {
            actual.append("---\n").append(Yaml.YAML.writeValueAsString(relative(t, dir)));
        }
        actual.append("# unmapped\n");
        for (MappedResource m : r.resources()) {
            if (!m.unmapped().isEmpty()) {
                actual.append("# ").append(m.source().resourceName()).append(": ").append(m.unmapped()).append('\n');
            }
        }
        assertFalse(r.targets().isEmpty(), "no MR of " + repo + " migrated");
        Path golden = Shared.repoRoot().resolve("migrator/src/test/resources/mapping/gotemplating/" + repo + ".golden.yaml");
        if (Boolean.getBoolean("xp2aso.updateGolden")) {
            Files.writeString(golden, actual.toString());
        }
        assertEquals(Files.readString(golden), actual.toString(), "golden " + golden + " (regenerate with -Dxp2aso.updateGolden=true)");
    }

    /** The source-file annotation relative to the corpus repository, so the golden file does not name this machine. */
    private static ObjectNode relative(ObjectNode t, Path dir) {
        ObjectNode copy = t.deepCopy();
        ObjectNode ann = (ObjectNode) copy.path("metadata").path("annotations");
        String file = ann.path(Mapper.SOURCE_FILE).asText();
        String prefix = dir.toString() + "/";
        if (file.startsWith(prefix)) {
            ann.put(Mapper.SOURCE_FILE, file.substring(prefix.length()));
        }
        return copy;
    }
}
