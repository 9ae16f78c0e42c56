package io.xp2aso.migrate;

import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Unit;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Hand-built stage results from test/resources/migrate/storage-unit.yaml, so the output half is tested alone. */
public final class TestRuns {
    private TestRuns() {
    }

    public static Path resources() {
        try {
            return Path.of(TestRuns.class.getResource("/migrate/storage-unit.yaml").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SourceSet storageSources() {
        return SourceReader.read(List.of(resources().resolve("migrate/storage-unit.yaml").toString()), null);
    }

    public static MigrateOptions options() {
        return MigrateOptions.defaults().withPaths(new DisplayPaths(resources()));
    }

    /** The storage unit mapped: RG -> ResourceGroup, Account -> StorageAccount + BlobService, Container -> container. */
    public static MappingResult storageMapped(List<Finding> extraResourceFindings) {
        List<Manifest> m = storageSources().manifests();
        ComposedResource rg = new ComposedResource("resource-group", m.get(2).node(), m.get(2).origin(), null);
        ComposedResource account = new ComposedResource("account", m.get(3).node(), m.get(3).origin(), null);
        ComposedResource container = new ComposedResource("container", m.get(4).node(), m.get(4).origin(), null);
        Unit unit = new Unit("team-a/team-a-assets", "team-a", "team-a-assets", m.get(0), m.get(1).node(), null,
                "storage-bucket", List.of(rg, account, container), List.of());
        return new MappingResult(List.of(new MappedUnit(unit, List.of(
                new MappedResource(rg, List.of(m.get(5).node()), List.of(), List.of()),
                new MappedResource(account, List.of(m.get(6).node(), m.get(7).node()),
                        List.of("spec.forProvider.queueProperties"), extraResourceFindings),
                new MappedResource(container, List.of(m.get(8).node()), List.of(), List.of())))), List.of());
    }

    public static ComposeResult composed(MappingResult mapped) {
        return new ComposeResult(mapped.units().stream().map(MappedUnit::unit).toList(), List.of());
    }

    /** A pipeline for assemble-only tests: its stages are never run. */
    public static MigrationPipeline pipeline(List<OutputProducer> producers) {
        return new MigrationPipeline(new Stages() {
            @Override
            public ComposeResult compose(Estate estate, MigrateOptions options) {
                throw new AssertionError("not used");
            }

            @Override
            public MappingResult map(ComposeResult composed, MigrateOptions options) {
                throw new AssertionError("not used");
            }
        }, producers);
    }

    public static MigrationRun run(MappingResult mapped) {
        return pipeline(List.of()).assemble(new Estate(storageSources()), composed(mapped), mapped, options());
    }
}
