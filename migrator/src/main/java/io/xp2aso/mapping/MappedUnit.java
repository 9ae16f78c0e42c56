package io.xp2aso.mapping;

import io.xp2aso.model.Unit;

import java.util.List;

/** A unit after mapping: its MRs with their ASO targets, in the unit's resource order. */
public record MappedUnit(Unit unit, List<MappedResource> resources) {
    public MappedUnit {
        resources = List.copyOf(resources);
    }
}
