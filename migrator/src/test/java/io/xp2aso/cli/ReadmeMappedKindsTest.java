package io.xp2aso.cli;

import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * README.md lists the mapped kinds between its mapped-kinds markers exactly as `mappings list --markdown` prints
 * them for the built-in catalog. After adding or changing a mapping file, regenerate that part of README with
 * {@code mvn -B -o -q -pl migrator test -Dtest=ReadmeMappedKindsTest -Dxp2aso.updateReadme=true}.
 */
class ReadmeMappedKindsTest {
    static final String BEGIN = "<!-- mapped-kinds:begin -->\n";
    static final String END = "<!-- mapped-kinds:end -->\n";
    static final String REGENERATE = "mvn -B -o -q -pl migrator test -Dtest=ReadmeMappedKindsTest -Dxp2aso.updateReadme=true";

    @Test
    void readmeListsExactlyTheKindsOfTheCatalog() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"mappings", "list", "--markdown"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("| Crossplane group | kind | versions | becomes |\n"), table);

        Path readme = Shared.repoRoot().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            fail("README.md lacks the markers " + BEGIN.trim() + " ... " + END.trim() + " around the list of mapped kinds");
        }
        String inReadme = text.substring(begin + BEGIN.length(), end);
        if (inReadme.equals(table)) {
            return;
        }
        if (Boolean.getBoolean("xp2aso.updateReadme")) {
            Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + table + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(table, inReadme, "README.md's list of mapped kinds does not match the mapping catalog. Regenerate it:\n    "
                + REGENERATE + "\n(or paste the output of `./xp2aso mappings list --markdown` between the markers) and commit README.md");
    }
}
