package io.xp2aso.cli;

import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Commands replace their output folder whole, so they refuse anything that is neither absent, empty, nor an earlier
 * output of a command they recognise: `-o .` or `-o ~` must never delete a user's files.
 */
final class OutputFolderGuard {

    /** An earlier output is recognised by a report file that names its format. */
    record EarlierOutput(String command, String reportFile, String format) {
        boolean isIn(Path dir) {
            Path report = dir.resolve(reportFile);
            try {
                return Files.isRegularFile(report)
                        && Files.readString(report, StandardCharsets.UTF_8).contains("\"" + format + "\"");
            } catch (IOException | UncheckedIOException e) {
                return false; // an unreadable report proves nothing: the folder is treated as foreign
            }
        }
    }

    private OutputFolderGuard() {
    }

    static void check(Path dir, List<EarlierOutput> accepted) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(new Origin(dir.toString(), 0), "output exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(new Origin(dir.toString(), 0), "cannot read the output folder: " + e.getMessage());
        }
        if (accepted.stream().anyMatch(earlier -> earlier.isIn(dir))) {
            return;
        }
        String commands = String.join(" or ", accepted.stream().map(e -> "`xp2aso " + e.command() + "`").toList());
        throw new InputException(new Origin(dir.toString(), 0), "output folder is not empty and is not the output of "
                + "an earlier " + commands + "; it would be replaced whole: choose a new or empty folder");
    }
}
