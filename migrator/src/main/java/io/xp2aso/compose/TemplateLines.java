package io.xp2aso.compose;

import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

/**
 * The line of each composed-resource template and pipeline step of one Composition, so findings and
 * ComposedResource origins point at the template rather than the top of the document. The lines were taken when the
 * Composition was read (from a file, a Git blob or standard input), never from a file of that name read again.
 */
final class TemplateLines {
    private final Manifest composition;

    TemplateLines(Manifest composition) {
        this.composition = composition;
    }

    /** Origin of the node at a JSON pointer (e.g. /spec/resources/2) in the document that starts at doc. */
    Origin at(Origin doc, String pointer) {
        int line = composition.lines().line(pointer);
        return line <= 0 ? doc : new Origin(doc.file(), line);
    }
}
