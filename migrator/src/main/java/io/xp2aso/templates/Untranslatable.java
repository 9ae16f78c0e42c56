package io.xp2aso.templates;

/** A construct with no faithful Helm form: the chart it belongs to is not written, and the report says why. */
final class Untranslatable extends RuntimeException {
    Untranslatable(String message) {
        super(message);
    }
}
