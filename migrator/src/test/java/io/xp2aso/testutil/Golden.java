package io.xp2aso.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files under src/test/resources, compared byte for byte. Regenerate them after an intended change with
 * {@code mvn -B -o test -Dxp2aso.golden.update=true}, then review the change with git diff before committing.
 */
public final class Golden {
    public static final String UPDATE = "xp2aso.golden.update";

    private Golden() {
    }

    /** @param resource path under src/test/resources, e.g. "diff/engine/diff.md" */
    public static void assertMatches(String resource, String actual) {
        Path p = Path.of("src/test/resources").resolve(resource);
        try {
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(p)) {
                throw new AssertionError("golden file " + p + " is missing; create it with -D" + UPDATE + "=true");
            }
            assertEquals(Files.readString(p, StandardCharsets.UTF_8), actual,
                    "output differs from " + p + " (regenerate with -D" + UPDATE + "=true if the change is intended)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
