package io.xp2aso.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mappings coverage --crosswalk FILE`: mapped / mappable / total per upjet group; bad files and no input are exit 2. */
class MappingsCrosswalkCliTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String tsv(String name) throws URISyntaxException {
        return Path.of(MappingsCrosswalkCliTest.class.getResource("/mapping/crosswalk/" + name).toURI()).toString();
    }

    @Test
    void printsEachGroupAndTheTotal() throws Exception {
        Run r = run("mappings", "coverage", "--crosswalk", tsv("small.tsv"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("UPJET GROUP"), r.out());
        assertTrue(r.out().matches("(?s).*storage\\.azure\\.upbound\\.io\\s+2\\s+3\\s+4\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*TOTAL\\s+3\\s+4\\s+6  \\(75\\.0% of the mappable kinds mapped\\)\n.*"), r.out());
    }

    @Test
    void badFilesAndMissingInputsAreExitTwo() throws Exception {
        Run bad = run("mappings", "coverage", "--crosswalk", tsv("short-line.tsv"));
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.err().startsWith("error: " + tsv("short-line.tsv") + ":3: "), bad.err());
        Run none = run("mappings", "coverage");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--crosswalk"), none.err());
    }
}
