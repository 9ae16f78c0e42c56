package io.xp2aso.inventory;

import java.util.List;

/**
 * Per MR kind: how many objects, whether the catalog maps the kind, how many are healthy (Ready and Synced),
 * drifting, and movable today (mapped, healthy and not drifting); and whether the cluster's ASO serves the
 * ASO kinds and versions the mapping writes.
 */
public record KindMigratability(String apiVersion, String kind, boolean mapped, long count, long healthy,
                                long drifting, long paused, long movable, List<TargetReadiness> targets) {
    public KindMigratability {
        targets = List.copyOf(targets);
    }
}
