package io.xp2aso.templates;

/**
 * A construct with no faithful Helm form: the chart it belongs to is not written, and the report says why.
 * {@code asoPath}: the field of the ASO object the chart cannot reproduce, when that is the reason (else null).
 */
final class Untranslatable extends RuntimeException {
    private final String asoPath;

    Untranslatable(String message) {
        this(message, null);
    }

    Untranslatable(String message, String asoPath) {
        super(message);
        this.asoPath = asoPath;
    }

    String asoPath() {
        return asoPath;
    }
}
