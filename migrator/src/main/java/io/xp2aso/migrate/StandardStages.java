package io.xp2aso.migrate;

import io.xp2aso.compose.Composer;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;

/** The real stages: {@link Composer} renders every unit, {@link Mapper} maps it through the mapping catalog. */
final class StandardStages implements Stages {
    @Override
    public ComposeResult compose(Estate estate, MigrateOptions options) {
        return new Composer().compose(estate, options.observed());
    }

    @Override
    public MappingResult map(ComposeResult composed, MigrateOptions options) {
        MappingCatalog catalog = MappingCatalog.load(options.mappings());
        return Mapper.map(composed, catalog, options.observed(),
                new MapOptions(options.targetNamespace(), null, options.asoVersions()));
    }
}
