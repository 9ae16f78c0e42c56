package io.xp2aso.migrate;

import io.xp2aso.compose.Composer;
import io.xp2aso.compose.LiveUnits;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.mapping.ServedSchemaCheck;
import io.xp2aso.mapping.StrictGate;
import io.xp2aso.mapping.AsoSchemas;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.preview.StaticPreview;

/**
 * The real stages: {@link Composer} renders every unit (or {@link LiveUnits} takes them from the live graph),
 * {@link Mapper} maps it through the mapping catalog, and the output is checked against the cluster's served
 * ASO schemas when they are known.
 */
final class StandardStages implements Stages {
    @Override
    public ComposeResult compose(Estate estate, MigrateOptions options) {
        if (options.liveUnits()) {
            return LiveUnits.compose(estate, options.observed());
        }
        return new Composer().compose(estate, options.observed());
    }

    @Override
    public MappingResult map(ComposeResult composed, MigrateOptions options) {
        MappingCatalog catalog = MappingCatalog.load(options.mappings());
        MapOptions mapOptions = new MapOptions(options.targetNamespace(), options.subscription(), options.asoVersions(),
                options.observeOnly());
        MappingResult mapped = StaticPreview.apply(composed, Mapper.map(composed, catalog, options.observed(), mapOptions),
                catalog, options.observed(), mapOptions);
        // The cluster's own schemas when it is known; else the digest of the ASO CRDs packaged with the catalog.
        return options.servedCrds() == null ? StrictGate.apply(mapped, AsoSchemas.builtIn())
                : ServedSchemaCheck.apply(mapped, options.servedCrds());
    }
}
