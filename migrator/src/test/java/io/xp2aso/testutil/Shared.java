package io.xp2aso.testutil;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (reference CRDs, corpus) beside the checkout; tests skip with a message when it is absent. */
public final class Shared {
    private Shared() {
    }

    /** The checkout root: the nearest folder upwards holding the parent pom and the launcher. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("migrator"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    /** ../shared, or a skipped test saying why. */
    public static Path root() {
        // -Dxp2aso.shared=DIR names it when the checkout is not beside it (a git worktree one folder deeper).
        String named = System.getProperty("xp2aso.shared", "");
        Path shared = named.isEmpty() ? repoRoot().resolveSibling("shared") : Path.of(named);
        Assumptions.assumeTrue(Files.isDirectory(shared),
                "../shared is absent beside the checkout (" + shared + "): reference data not available, test skipped");
        return shared;
    }

    public static Path reference() {
        return root().resolve("reference");
    }

    public static Path corpus() {
        return root().resolve("corpus/crossplane");
    }
}
