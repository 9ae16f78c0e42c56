package io.xp2aso.inventory;

/**
 * Per MR kind: how many objects, whether the catalog maps the kind, how many are healthy (Ready and Synced),
 * drifting, and movable today (mapped, healthy and not drifting).
 */
public record KindMigratability(String apiVersion, String kind, boolean mapped, long count, long healthy,
                                long drifting, long paused, long movable) {
}
