package io.xp2aso.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.migrate.Stages;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.Unit;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in compose and map stages for testing diff's plumbing: every object the estate does not classify is its
 * own unit and is written as-is into namespace "ns"; its "unmapped" annotation is an unmapped field, kind Broken
 * gives an error finding, kind Invalid is bad input. The real stages are exercised by DiffEndToEndTest.
 */
public final class StandInStages implements Stages {

    public static MigrationRun run(SourceSet sources) {
        return new MigrationPipeline(new StandInStages(), List.of()).run(sources, MigrateOptions.defaults());
    }

    @Override
    public ComposeResult compose(Estate estate, MigrateOptions options) {
        List<Unit> units = new ArrayList<>();
        for (Manifest m : estate.all(ObjectKind.OTHER)) {
            if (m.kind().equals("Invalid")) {
                throw new InputException(m.origin(), "invalid object");
            }
            ComposedResource r = new ComposedResource("", m.node(), m.origin(), null);
            units.add(new Unit("ns/" + m.name(), "ns", m.name(), null, null, null, "comp-" + m.name(), List.of(r), List.of()));
        }
        return new ComposeResult(units, List.of());
    }

    @Override
    public MappingResult map(ComposeResult composed, MigrateOptions options) {
        List<MappedUnit> out = new ArrayList<>();
        for (Unit u : composed.units()) {
            ComposedResource r = u.resources().get(0);
            Manifest m = r.asManifest();
            ObjectNode target = m.node().deepCopy();
            target.withObject("metadata").put("namespace", "ns");
            target.withObject("metadata").remove("annotations");
            List<Finding> findings = m.kind().equals("Broken")
                    ? List.of(Finding.error("broken", m.kind() + " " + m.name() + " is broken", m.origin(), m.displayName()))
                    : List.of();
            List<String> unmapped = m.annotation("unmapped").isEmpty() ? List.of() : List.of(m.annotation("unmapped"));
            out.add(new MappedUnit(u, List.of(new MappedResource(r, List.of(target), unmapped, findings))));
        }
        return new MappingResult(out, List.of());
    }
}
