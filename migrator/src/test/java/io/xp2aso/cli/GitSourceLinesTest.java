package io.xp2aso.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xp2aso.testutil.GitFixture;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 item 6: composed resources read from Git keep the lines of their Composition templates, also when the
 * repository is not the folder the command runs in (`diff --repo ../platform`): the lines come from the text read
 * at the ref, never from a file of that name on disk.
 */
class GitSourceLinesTest {
    @TempDir
    Path tmp;

    @Test
    void templateLinesFromAGitRepositoryOutsideTheWorkingFolder() throws IOException {
        Path samples = Shared.repoRoot().resolve("samples");
        try (GitFixture g = GitFixture.init(tmp.resolve("platform"))) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(samples.resolve("crossplane"))) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                g.copy(f, "crossplane/" + samples.resolve("crossplane").relativize(f).toString().replace('\\', '/'));
            }
            g.commit("platform");
            List<String> fromFolder = lines(run(samples.resolve("crossplane").toString()));
            List<String> fromGit = lines(run(g.dir().toString(), "--ref", "HEAD"));
            assertTrue(fromFolder.stream().anyMatch(l -> !l.endsWith(":1")), fromFolder.toString());
            assertEquals(fromFolder, fromGit, "template lines of the composed resources, read from the folder and from Git");
        }
    }

    private Path run(String... source) {
        Path out = tmp.resolve("out" + tmp.toFile().list().length);
        List<String> args = new ArrayList<>(List.of("migrate"));
        args.addAll(List.of(source));
        args.addAll(List.of("--observed", Shared.repoRoot().resolve("samples/observed/observed.yaml").toString(),
                "-o", out.toString(), "--fail-on", "never"));
        StringWriter err = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        return out;
    }

    /** "compositionResourceName:line" of every composed resource, in report order. */
    private static List<String> lines(Path out) throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> out2 = new ArrayList<>();
        for (JsonNode r : report.path("resources")) {
            out2.add(r.path("unit").asText() + "/" + r.path("compositionResourceName").asText() + ":" + r.path("source").path("line").asInt());
        }
        return out2;
    }
}
