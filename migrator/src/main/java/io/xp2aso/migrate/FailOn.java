package io.xp2aso.migrate;

import io.xp2aso.model.Severity;

import java.util.Locale;

/** migrate's --fail-on levels: exit 1 when a finding is at or above the level; never = always exit 0. */
public enum FailOn {
    ERROR(Severity.ERROR), UNMAPPED(Severity.UNMAPPED), WARNING(Severity.WARNING), NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The lowest severity that fails the run, or null for never. */
    public Severity threshold() {
        return threshold;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailOn parse(String s) {
        for (FailOn f : values()) {
            if (f.label().equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not one of error, unmapped, warning, never");
    }
}
