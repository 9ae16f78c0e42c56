package io.xp2aso.bench;

import io.xp2aso.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs the same `xp2aso migrate` several times in one JVM and prints each run's wall time: the first run pays class
 * loading and JIT compilation, the later ones show the steady-state cost of the work itself.
 *
 * <p>Usage: {@code WarmMigrate RUNS REPO OBSERVED OUT_PREFIX}; prints {@code warm: run N: S s} lines.
 */
public final class WarmMigrate {
    private WarmMigrate() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: WarmMigrate RUNS REPO OBSERVED OUT_PREFIX");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        for (int i = 1; i <= runs; i++) {
            StringWriter err = new StringWriter();
            long t = System.nanoTime();
            int rc = Main.run(new String[] {"migrate", args[1], "--observed", args[2], "-o",
                    Path.of(args[3] + "-" + i).toString(), "--fail-on", "never"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            double s = (System.nanoTime() - t) / 1e9;
            if (rc != 0) {
                System.err.print(err);
                throw new IllegalStateException("migrate exited " + rc);
            }
            System.out.printf("warm: run %d: %.2f s%n", i, s);
        }
    }
}
