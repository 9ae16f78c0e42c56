package io.xp2aso.mapping;

import io.xp2aso.compose.Composer;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.SourceReader;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map stage builds ahead on every core and applies each build's changes when its sequential pass reaches it:
 * the result (objects, unmapped paths, findings and their order) must be exactly that of building in order.
 */
class MapperBuildAheadTest {
    /** Everything a map result says, one line per MR, in order: a failure shows the first line that differs. */
    private static List<String> describe(MappingResult r) {
        List<String> out = new ArrayList<>();
        for (MappedUnit u : r.units()) {
            for (MappedResource m : u.resources()) {
                out.add(u.unit().id() + " " + m.source().resourceName() + " targets=" + m.targets()
                        + " unmapped=" + m.unmapped() + " findings=" + m.findings());
            }
        }
        out.add("global findings=" + r.findings());
        return out;
    }

    private static void same(ComposeResult composed, MappingCatalog catalog, ObservedIndex observed, MapOptions options) {
        List<String> sequential = describe(Mapper.mapSequentially(composed, catalog, observed, options));
        List<String> ahead = describe(Mapper.map(composed, catalog, observed, options));
        assertEquals(sequential, ahead);
    }

    @Test
    void targetsActivatedFromEitherSideOfTheirMr() {
        ComposeResult composed = Fixtures.compose("build-ahead.yaml", ObservedIndex.EMPTY);
        MapOptions options = new MapOptions(null, "00000000-0000-0000-0000-0000000000aa", null);
        same(composed, Fixtures.builtIn(), ObservedIndex.EMPTY, options);
        Results r = new Results(Mapper.map(composed, Fixtures.builtIn(), ObservedIndex.EMPTY, options));
        // Neither account sets blobProperties: no empty blob service is made for them; the containers, before and
        // after their account, are owned by the blob service's ARM ID built from the account.
        // after-account's resource group is a reference to a group nobody has: its ARM ID cannot be built, so its
        // blob service is written (empty, with a warning) as the owner of its container.
        assertEquals(List.of("after-account-blobservice"), r.targets().stream()
                .filter(t -> t.path("kind").asText().equals("StorageAccountsBlobService"))
                .map(t -> t.path("metadata").path("name").asText()).toList());
        List<String> owners = r.targets().stream().filter(t -> t.path("kind").asText().equals("StorageAccountsBlobServicesContainer"))
                .map(t -> t.path("spec").path("owner").path("armId").asText()).sorted().distinct().toList();
        assertEquals(List.of("", "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-shared/providers"
                + "/Microsoft.Storage/storageAccounts/beforeacct01/blobServices/default"), owners);
        assertEquals(2, r.targets().stream().filter(t -> t.path("kind").asText().equals("NetworkSecurityGroupsSecurityRule"))
                .count(), "the NSG's inline rules (made per list item) are built");
    }

    @Test
    void everyMappingFixtureMapsAsInOrder() throws IOException {
        Path root = Fixtures.resource("build-ahead.yaml").getParent();
        List<Path> fixtures;
        try (Stream<Path> s = Files.walk(root)) {
            fixtures = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("expected.yaml")
                    && !root.relativize(p).startsWith("catalog")).sorted().toList();
        }
        MappingCatalog builtIn = Fixtures.builtIn();
        MappingCatalog testCatalog = MappingCatalog.load(Fixtures.resource("catalog"));
        ObservedIndex live = Fixtures.observed("observed-live.yaml");
        int compared = 0;
        for (Path f : fixtures) {
            String name = root.relativize(f).toString().replace('\\', '/');
            for (ObservedIndex observed : List.of(ObservedIndex.EMPTY, live)) {
                ComposeResult composed = Fixtures.compose(name, observed);
                for (MappingCatalog catalog : List.of(builtIn, testCatalog)) {
                    same(composed, catalog, observed, new MapOptions("migrated", "00000000-0000-0000-0000-0000000000aa", null));
                    compared++;
                }
            }
        }
        assertTrue(compared >= 4 * 20, "compared " + compared + " fixture runs");
    }

    @Test
    void everyCorpusRepositoryMapsAsInOrder() throws IOException {
        List<Path> repos;
        try (Stream<Path> s = Files.list(Shared.corpus())) {
            repos = s.filter(Files::isDirectory).sorted().toList();
        }
        int resources = 0;
        for (Path repo : repos) {
            Estate estate = new Estate(SourceReader.read(List.of(repo.toString()), System.in));
            ComposeResult composed = new Composer().compose(estate, ObservedIndex.EMPTY);
            same(composed, Fixtures.builtIn(), ObservedIndex.EMPTY, MapOptions.defaults());
            resources += composed.units().stream().mapToInt(u -> u.resources().size()).sum();
        }
        assertTrue(resources > 20, "the corpus composes into " + resources + " MRs");
    }
}
