package io.xp2aso.inventory;

/** How many objects of a kind the scan listed and in how many pages. */
public record KindCount(ClusterKind kind, long count, int pages) {
}
