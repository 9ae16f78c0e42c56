package io.xp2aso.model;

/** How serious a finding is. Unmapped source fields are their own level, between errors and warnings, for --fail-on. */
public enum Severity {
    ERROR, UNMAPPED, WARNING, INFO;

    public String label() {
        return name().toLowerCase();
    }

    /** True when this severity is at or above the given threshold (ERROR is the highest). */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
