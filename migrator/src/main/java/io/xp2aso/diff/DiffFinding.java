package io.xp2aso.diff;

import io.xp2aso.model.Severity;

import java.util.Comparator;

/**
 * A finding of one side of a diff, as the reports show it: {@code file} is the display path of the source
 * (repo-relative for Git sources), {@code line} 0 when unknown.
 */
public record DiffFinding(Severity severity, String code, String message, String file, int line, String subject) {
    public static final Comparator<DiffFinding> ORDER = Comparator.comparing(DiffFinding::severity)
            .thenComparing(DiffFinding::file).thenComparingInt(DiffFinding::line)
            .thenComparing(DiffFinding::code).thenComparing(DiffFinding::message);

    public DiffFinding {
        file = file == null ? "" : file;
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
    }

    /**
     * What makes two findings of the two sides "the same finding": severity, code, object and message, but not
     * the line, which moves whenever lines are added above it. Without an object, the file stands in for it.
     */
    public String key() {
        return severity + "\u0000" + code + "\u0000" + (subject.isEmpty() ? file : subject) + "\u0000" + message;
    }

    /** "file:line", "file", or "" when the finding has no file. */
    public String location() {
        if (file.isEmpty()) {
            return "";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
