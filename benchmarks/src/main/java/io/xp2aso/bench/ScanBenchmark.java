package io.xp2aso.bench;

import io.xp2aso.cli.Main;
import io.xp2aso.inventory.EstateSeeder;
import io.xp2aso.inventory.MockCluster;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times `xp2aso scan` of a seeded estate served by fabric8's kubernetes-server-mock on loopback (the mock cluster
 * of the inventory tests, with limit/continue paging). Seeding is timed apart from the scan.
 *
 * <p>Usage: {@code ScanBenchmark MRS OUT_DIR}; prints {@code scan: ...} lines.
 */
public final class ScanBenchmark {
    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ScanBenchmark MRS OUT_DIR");
            System.exit(2);
        }
        int mrs = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        // One instance of each of the three seeded compositions makes 4 + 3 + 3 MRs.
        int instances = Math.max(1, mrs / 10);
        try (MockCluster cluster = new MockCluster()) {
            long t0 = System.nanoTime();
            EstateSeeder seeder = new EstateSeeder(cluster).seed(instances, instances, instances);
            long t1 = System.nanoTime();
            Path kubeconfig = cluster.kubeconfig(Files.createTempDirectory("xp2aso-scan-bench"));
            StringWriter progress = new StringWriter();
            int rc = Main.run(new String[] {"scan", "--kubeconfig", kubeconfig.toString(), "-o", out.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(progress));
            long t2 = System.nanoTime();
            if (rc != 0) {
                System.err.print(progress);
                throw new IllegalStateException("scan exited " + rc);
            }
            System.out.printf("scan: seeded %d MRs (%d claims) in %.1f s%n", seeder.mrKeys.size(), seeder.claims, (t1 - t0) / 1e9);
            System.out.printf("scan: scanned %d MRs in %.2f s (%.0f MRs/s)%n", seeder.mrKeys.size(), (t2 - t1) / 1e9,
                    seeder.mrKeys.size() / ((t2 - t1) / 1e9));
        }
    }
}
