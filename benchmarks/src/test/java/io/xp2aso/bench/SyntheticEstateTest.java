package io.xp2aso.bench;

import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticEstateTest {
    @TempDir
    Path tmp;

    @Test
    void generatesAParseableRepositoryAndSnapshot() throws Exception {
        int mrs = SyntheticEstate.generate(tmp, 30, 7);
        assertEquals(10 * 3 + 10 * 4 + 10 * 4, mrs);
        SourceSet repo = SourceReader.read(List.of(tmp.resolve("repo").toString()), new ByteArrayInputStream(new byte[0]));
        Estate estate = new Estate(repo);
        assertEquals(3, estate.all(ObjectKind.XRD).size());
        assertEquals(3, estate.all(ObjectKind.COMPOSITION).size());
        assertEquals(30, estate.all(ObjectKind.CLAIM).size());
        assertTrue(repo.skipped().isEmpty(), repo.skipped().toString());

        SourceSet observed = SourceReader.read(List.of(tmp.resolve("observed.yaml").toString()), new ByteArrayInputStream(new byte[0]));
        assertEquals(30 + 30 + mrs, observed.manifests().size());
        assertTrue(observed.manifests().stream().allMatch(m -> !m.name().isEmpty()));
    }

    /** The benchmark must measure the real path: every claim renders through its Composition and maps cleanly. */
    @Test
    void migratesWithoutErrors() throws Exception {
        SyntheticEstate.generate(tmp, 30, 7);
        SourceSet repo = SourceReader.read(List.of(tmp.resolve("repo").toString()), new ByteArrayInputStream(new byte[0]));
        SourceSet observed = SourceReader.read(List.of(tmp.resolve("observed.yaml").toString()), new ByteArrayInputStream(new byte[0]));
        MigrationRun run = MigrationPipeline.standard().run(repo,
                MigrateOptions.defaults().withObserved(new ObservedIndex(observed.manifests())));
        assertEquals(0, run.report().summary().errors(), run.files().get("report.md"));
        assertEquals(30, run.report().summary().claims());
        assertEquals(0, run.report().summary().unmappedFields());
    }

    /** Issue 19's target: everything under handoff/ at most 2 KB per MR on the benchmark estate. */
    @Test
    void theHandoffPlanTakesAtMostTwoKilobytesPerMr() throws Exception {
        int mrs = SyntheticEstate.generate(tmp, 60, 7);
        SourceSet repo = SourceReader.read(List.of(tmp.resolve("repo").toString()), new ByteArrayInputStream(new byte[0]));
        SourceSet observed = SourceReader.read(List.of(tmp.resolve("observed.yaml").toString()), new ByteArrayInputStream(new byte[0]));
        MigrationRun run = MigrationPipeline.standard().run(repo,
                MigrateOptions.defaults().withObserved(new ObservedIndex(observed.manifests())));
        long bytes = run.files().entrySet().stream().filter(e -> e.getKey().startsWith("handoff/"))
                .mapToLong(e -> e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        assertTrue(run.files().keySet().stream().anyMatch(p -> p.startsWith("handoff/units/")), "one page per unit");
        assertTrue(bytes <= 2048L * mrs, "handoff/ holds " + bytes / mrs + " bytes per MR");
    }

    @Test
    void sameSeedSameOutput() throws Exception {
        SyntheticEstate.generate(tmp.resolve("a"), 12, 3);
        SyntheticEstate.generate(tmp.resolve("b"), 12, 3);
        assertEquals(Files.readString(tmp.resolve("a/observed.yaml")), Files.readString(tmp.resolve("b/observed.yaml")));
    }

    @Test
    void baselineRewritesEveryDocument() throws Exception {
        SyntheticEstate.generate(tmp.resolve("in"), 9, 1);
        long docs = Baseline.run(tmp.resolve("in"), tmp.resolve("out"));
        SourceSet rewritten = SourceReader.read(List.of(tmp.resolve("out").toString()), new ByteArrayInputStream(new byte[0]));
        assertEquals(docs, rewritten.manifests().size());
        assertTrue(docs > 9 * 3);
    }
}
