package io.xp2aso.inventory;

/** A field whose desired value (spec.forProvider) differs from the observed one (status.atProvider). */
public record DriftField(String path, String desired, String observed) {
}
