package io.xp2aso.cli;

import io.xp2aso.source.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands replace their output folder whole: only an absent, empty or earlier output folder is accepted. */
class OutputFolderGuardTest {

    private static final List<OutputFolderGuard.EarlierOutput> MIGRATE_OR_DIFF = List.of(
            new OutputFolderGuard.EarlierOutput("diff", "diff.json", "xp2aso-diff/v1"),
            new OutputFolderGuard.EarlierOutput("migrate", "report.json", "xp2aso.io/migrate-report/v1"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            absent folder                     | absent   |                  |                                  | accepted
            empty folder                      | empty    |                  |                                  | accepted
            earlier migrate output            | folder   | report.json      | {"format":"xp2aso.io/migrate-report/v1"} | accepted
            earlier diff output               | folder   | diff.json        | {"format":"xp2aso-diff/v1"}      | accepted
            a user's folder                   | folder   | notes.txt        | mine                             | not empty and is not the output of an earlier `xp2aso diff` or `xp2aso migrate`
            report of another format          | folder   | report.json      | {"format":"xp2aso-templates/v1"} | not empty and is not the output of
            a report that is a folder         | dirfile  | report.json      |                                  | not empty and is not the output of
            a file, not a folder              | file     |                  |                                  | output exists and is not a folder
            """)
    void acceptsOnlyWhatItMayReplace(String name, String shape, String file, String content, String expected,
                                     @TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out");
        switch (shape) {
            case "absent" -> { }
            case "empty" -> Files.createDirectory(dir);
            case "file" -> Files.writeString(dir, "x");
            case "dirfile" -> Files.createDirectories(dir.resolve(file));
            default -> {
                Files.createDirectory(dir);
                Files.writeString(dir.resolve(file), content);
            }
        }
        if (expected.equals("accepted")) {
            assertDoesNotThrow(() -> OutputFolderGuard.check(dir, MIGRATE_OR_DIFF));
        } else {
            InputException e = assertThrows(InputException.class, () -> OutputFolderGuard.check(dir, MIGRATE_OR_DIFF));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertEquals(dir.toString(), e.origin().file(), "names the folder");
        }
    }

    @Test
    void templatesRefusesAForeignFolderAndLeavesItAlone(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectory(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"templates", tmp.toString(), "-o", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(Main.EXIT_BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("earlier `xp2aso templates`"), err.toString());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }
}
