package io.xp2aso.migrate;

import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;

/** The two transforming stages migrate runs between reading and writing: compose, then map. */
public interface Stages {
    ComposeResult compose(Estate estate, MigrateOptions options);

    MappingResult map(ComposeResult composed, MigrateOptions options);
}
