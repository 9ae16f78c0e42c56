package io.xp2aso.cli;

import io.xp2aso.migrate.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * migrate --observe-only skip-object|none through the real pipeline (fixtures handoff/observeonly: an observe-only
 * resource group and a virtual network in it).
 */
class ObserveOnlyOptionTest {
    static final String SUB = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int migrate(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("migrate", fixture("sources.yaml")));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private static String fixture(String name) {
        return TestRuns.resources().resolve("handoff/observeonly/" + name).toString();
    }

    private static String aso(Path out) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(out.resolve("aso"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                b.append(Files.readString(p));
            }
        }
        return b.toString();
    }

    @Test
    void noneLeavesTheGroupOutAndNamesItByArmIdFromTheSourcesAlone() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, migrate("-o", out.toString(), "--observe-only", "none", "--subscription", SUB), err.toString());
        String aso = aso(out);
        assertFalse(aso.contains("kind: ResourceGroup"), aso);
        assertTrue(aso.contains("armId: /subscriptions/" + SUB + "/resourceGroups/platform-rg"), aso);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("observe-only-no-object"), report);
    }

    @Test
    void noneWithTheObservedStateTakesTheLiveArmId() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, migrate("-o", out.toString(), "--observe-only", "none", "--observed", fixture("observed.yaml")),
                err.toString());
        String aso = aso(out);
        assertFalse(aso.contains("kind: ResourceGroup"), aso);
        assertTrue(aso.contains("armId: /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/platform-rg"), aso);
        StringBuilder pages = new StringBuilder(); // plan.md is an index: the unit's page lists its MRs
        try (var files = Files.walk(out.resolve("handoff/units"))) {
            for (Path page : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                pages.append(Files.readString(page));
            }
        }
        assertTrue(pages.toString().contains("none (it only observes; --observe-only none)"), pages.toString());
    }

    @Test
    void theDefaultIsASkipObject() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, migrate("-o", out.toString(), "--observed", fixture("observed.yaml")), err.toString());
        String aso = aso(out);
        assertTrue(aso.contains("kind: ResourceGroup"), aso);
        assertFalse(aso.contains("armId:"), aso);
    }

    @Test
    void anUnknownValueIsAUsageError() {
        assertEquals(2, migrate("-o", tmp.resolve("out").toString(), "--observe-only", "ignore"));
        assertTrue(err.toString().contains("--observe-only is skip-object or none, not `ignore`"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
