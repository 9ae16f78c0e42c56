package io.xp2aso.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.xp2aso.mapping.SchemaValidator;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The equivalence proof over the public corpus: `templates` on every corpus repository folder, then each
 * values file it wrote rendered with its chart by Helm and compared with the ASO objects `migrate` writes for the
 * same folder (parsed; only xp2aso's own labels/annotations and the reconcile policy may differ), and every rendered
 * object validated against the ASO CRDs. Each Composition without a chart must be listed with its file:line and a
 * reason; the list is printed (it is the report's "cannot be templated" list for the corpus).
 */
class TemplatesCorpusTest {
    /**
     * The charts the corpus gets, per repository folder. A chart lost is a regression; a Composition that starts
     * getting a chart must be added here (and is then proven like the others).
     */
    private static final Map<String, List<String>> CHARTS = Map.of(
            "upbound__configuration-azure-network", List.of("xnetwork"),
            "upbound__platform-ref-azure@356df05", List.of("xcluster"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    @Test
    void everyChartRendersWhatMigrateWritesAndValidatesAgainstTheAsoCrds() throws IOException {
        Path corpus = Shared.corpus();
        SchemaValidator crds = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
        List<Path> repos;
        try (Stream<Path> s = Files.list(corpus)) {
            repos = s.filter(Files::isDirectory).sorted().toList();
        }
        Map<String, List<String>> charts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int instances = 0;
        int objects = 0;
        for (Path repo : repos) {
            String name = repo.getFileName().toString();
            SourceSet sources = SourceReader.read(List.of(repo.toString()), new ByteArrayInputStream(new byte[0]));
            TemplatesRun.Result r = TemplatesRun.run(sources, MigrateOptions.defaults());
            MigrationRun migrated = MigrationPipeline.standard().run(sources, MigrateOptions.defaults());
            Path out = tmp.resolve(name);
            for (Map.Entry<String, String> f : r.files().entrySet()) {
                Path p = out.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            for (TemplatesRun.Refusal x : r.refused()) {
                if (!x.origin().matches(".+:\\d+") || x.reason().isBlank()) {
                    problems.add(name + ": a refusal without file:line or reason: " + x);
                }
                refused.add(x.origin().replace(corpus + "/", "") + " (" + x.composition() + "): " + x.reason());
            }
            Map<String, Integer> valuesPerChart = new TreeMap<>();
            for (String values : r.files().keySet().stream().filter(k -> k.startsWith("values/")).toList()) {
                String chart = YAML.readTree(r.files().get(values)).path("xp2aso").path("chart").asText();
                valuesPerChart.merge(chart, 1, Integer::sum);
                String[] parts = values.split("/");
                String ns = parts[1];
                String release = parts[2].replaceFirst("\\.yaml$", "");
                List<ObjectNode> rendered = HelmRender.render(out.resolve("charts/" + chart), release, ns, out.resolve(values));
                List<ObjectNode> written = new ArrayList<>();
                String folder = "aso/" + ns + "/" + release + "/";
                migrated.files().forEach((k, v) -> {
                    if (k.startsWith(folder) && k.indexOf('/', folder.length()) < 0 && k.endsWith(".yaml")
                            && !k.endsWith("kustomization.yaml")) {
                        written.addAll(HelmRender.parse(v));
                    }
                });
                Equivalence.difference(written, rendered).ifPresent(d -> problems.add(name + " " + values + ": " + d));
                for (ObjectNode o : rendered) {
                    crds.validate(o).forEach(p -> problems.add(name + " " + values + " " + AsoObjects.key(o) + ": " + p));
                }
                instances++;
                objects += rendered.size();
            }
            for (TemplatesRun.Chart c : r.charts()) {
                charts.computeIfAbsent(name, k -> new ArrayList<>()).add(c.name());
                if (c.verified().size() != valuesPerChart.getOrDefault(c.name(), 0)) {
                    problems.add(name + ": chart " + c.name() + " proven for " + c.verified() + " but "
                            + valuesPerChart.getOrDefault(c.name(), 0) + " values file(s) written");
                }
            }
        }
        // A Composition may compose only nested XRs (platform-ref-azure's XCluster): its chart renders no ASO object,
        // as migrate writes none, hence the object count beside the instance count.
        System.out.println("templates over the corpus: " + charts + ", " + instances + " instance(s) rendered by Helm"
                + " equal to migrate (" + objects + " ASO objects); Compositions without a chart (" + refused.size() + "):");
        refused.forEach(x -> System.out.println("  " + x));
        assertEquals(List.of(), problems);
        assertEquals(new TreeMap<>(CHARTS), charts, "charts written over the corpus");
        assertTrue(instances >= 1, "no corpus instance was rendered");
        assertFalse(refused.isEmpty(), "the corpus has Compositions xp2aso cannot template (KCL, unmapped kinds)");
    }
}
