package io.xp2aso.model;

import io.xp2aso.source.Origin;

/**
 * Something a user must know: an error, an unmapped field, a warning or a note.
 * {@code code} is a stable kebab-case identifier (used as the SARIF rule id); {@code subject} names the object.
 */
public record Finding(Severity severity, String code, String message, Origin origin, String subject) {
    public Finding {
        origin = origin == null ? Origin.UNKNOWN : origin;
        subject = subject == null ? "" : subject;
    }

    public static Finding error(String code, String message, Origin origin, String subject) {
        return new Finding(Severity.ERROR, code, message, origin, subject);
    }

    public static Finding warning(String code, String message, Origin origin, String subject) {
        return new Finding(Severity.WARNING, code, message, origin, subject);
    }

    public static Finding info(String code, String message, Origin origin, String subject) {
        return new Finding(Severity.INFO, code, message, origin, subject);
    }
}
