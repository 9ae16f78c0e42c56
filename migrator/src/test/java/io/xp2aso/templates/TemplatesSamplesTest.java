package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.xp2aso.mapping.SchemaValidator;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/templates is the output of the README's command, byte for byte:
 * {@code ./xp2aso templates samples/crossplane --observed samples/observed/observed.yaml -o samples/templates}.
 * After a deliberate change regenerate it ({@code mvn -B -o test -Dtest=TemplatesSamplesTest
 * -Dxp2aso.updateGolden=true}) and review the diff. The output is then checked on its own, not through the
 * command's self-check: every values file rendered by Helm with its chart gives the ASO objects of samples/aso
 * (what migrate wrote), and every Backstage template validates against Backstage's JSON Schema.
 */
class TemplatesSamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Path out;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        Path root = Shared.repoRoot();
        Path golden = root.resolve("samples/templates");
        out = Boolean.getBoolean("xp2aso.updateGolden") ? golden : tmp.resolve("out");
        if (out.equals(golden) && Files.exists(golden)) {
            io.xp2aso.report.AtomicOutput.deleteTree(golden);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.xp2aso.cli.Main", "templates", "samples/crossplane",
                "--observed", "samples/observed/observed.yaml", "-o", out.toString()));
        Path err = tmp.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "xp2aso templates did not finish");
        String stderr = Files.readString(err);
        assertEquals(1, p.exitValue(), "exit 1: Compositions without a chart are findings\n" + stderr);
    }

    @Test
    void theReadmeCommandWritesTheGoldenOutput() throws IOException {
        Map<String, String> expected = tree(Shared.repoRoot().resolve("samples/templates"));
        Map<String, String> actual = tree(out);
        assertEquals(expected.keySet(), actual.keySet(),
                "files of samples/templates (regenerate with -Dxp2aso.updateGolden=true and review the diff)");
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), "samples/templates/" + k));
    }

    @Test
    void everyValuesFileRendersExactlyWhatMigrateWrote() throws IOException {
        Path aso = Shared.repoRoot().resolve("samples/aso/aso");
        List<Path> values;
        try (Stream<Path> s = Files.walk(out.resolve("values"))) {
            values = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(values.isEmpty(), "no values file written");
        for (Path v : values) {
            String ns = v.getParent().getFileName().toString();
            String name = v.getFileName().toString().replaceFirst("\\.yaml$", "");
            String chart = YAML.readTree(v.toFile()).path("xp2aso").path("chart").asText();
            List<ObjectNode> rendered = HelmRender.render(out.resolve("charts/" + chart), name, ns, v);
            List<ObjectNode> written = new ArrayList<>();
            try (Stream<Path> s = Files.list(aso.resolve(ns).resolve(name))) {
                for (Path f : s.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList()) {
                    written.addAll(HelmRender.parse(Files.readString(f)));
                }
            }
            assertFalse(written.isEmpty(), "samples/aso has nothing for " + ns + "/" + name);
            Optional<String> d = Equivalence.difference(written, rendered);
            assertTrue(d.isEmpty(), ns + "/" + name + ": " + d.orElse(""));
        }
    }

    /** A value the mapping derives (PostgreSQL's SKU, parsed by a pattern) is refused naming the mapping rules' file:line. */
    @Test
    void aCompositionWithoutAChartNamesTheMappingRulesThatDeriveTheValue() throws IOException {
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("samples/crossplane/postgres/composition.yaml:2") && report.contains(".spec.sku")
                && report.contains("dbforpostgresql.azure.upbound.io/FlexibleServer.yaml:25"), report);
    }

    /** Every object the charts render with the samples' values files validates against the real ASO CRDs. */
    @Test
    void everyRenderedObjectValidatesAgainstTheAsoCrds() throws IOException {
        SchemaValidator crds = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
        List<Path> values;
        try (Stream<Path> s = Files.walk(out.resolve("values"))) {
            values = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        int objects = 0;
        for (Path v : values) {
            String chart = YAML.readTree(v.toFile()).path("xp2aso").path("chart").asText();
            for (ObjectNode o : HelmRender.render(out.resolve("charts/" + chart), v.getFileName().toString()
                    .replaceFirst("\\.yaml$", ""), v.getParent().getFileName().toString(), v)) {
                objects++;
                crds.validate(o).forEach(p -> problems.add(v.getFileName() + " " + AsoObjects.key(o) + ": " + p));
            }
        }
        assertTrue(objects > 0, "nothing rendered");
        assertEquals(List.of(), problems);
    }

    /** Backstage's JSON Schemas from ../shared (the test is skipped without them), each under its $id. */
    private static SchemaRegistry backstageSchemas() throws IOException {
        Path ref = Shared.reference().resolve("backstage");
        Assumptions.assumeTrue(Files.isDirectory(ref), "../shared/reference/backstage is absent: skipped");
        Map<String, String> schemas = new HashMap<>();
        try (Stream<Path> s = Files.list(ref)) {
            for (Path f : s.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                JsonNode n = new ObjectMapper().readTree(f.toFile());
                schemas.put("https://backstage.test/" + n.path("$id").asText(), Files.readString(f));
            }
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(schemas));
    }

    @Test
    void everyBackstageTemplateValidatesAgainstBackstagesSchema() throws IOException {
        SchemaRegistry registry = backstageSchemas();
        Schema template = registry.getSchema(com.networknt.schema.SchemaLocation.of("https://backstage.test/TemplateV1beta3"));
        Schema entity = registry.getSchema(com.networknt.schema.SchemaLocation.of("https://backstage.test/Entity"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(out.resolve("backstage"))) {
            files = s.filter(f -> f.getFileName().toString().equals("template.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no Backstage template written");
        for (Path f : files) {
            JsonNode t = YAML.readTree(f.toFile());
            List<Error> errors = template.validate(t);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), f.toString());
            // The template is also a catalog entity.
            assertEquals(List.of(), entity.validate(t).stream().map(Error::toString).toList(), f.toString());
        }
        JsonNode location = YAML.readTree(out.resolve("backstage/catalog-info.yaml").toFile());
        assertEquals(List.of(), entity.validate(location).stream().map(Error::toString).toList(), "catalog-info.yaml");
        // A template that breaks the schema must be caught (the check is not vacuous).
        ObjectNode broken = (ObjectNode) YAML.readTree(files.get(0).toFile());
        ((ObjectNode) broken.get("spec")).remove("steps");
        ((ObjectNode) broken.get("spec")).put("type", 3);
        assertFalse(template.validate(broken).isEmpty(), "a broken template passes the schema");
    }

    /**
     * The form asks who owns the new resource (Backstage's OwnerPicker) and which GitOps repository gets the pull
     * request (RepoUrlPicker, limited to allowed hosts); the catalog Resource the skeleton writes, filled as the
     * scaffolder fills it, is a valid Backstage Resource owned by the chosen owner.
     */
    @Test
    void theFormAsksForTheOwnerAndTheGitOpsRepositoryAndTheResourceIsValid() throws IOException {
        Schema resource = backstageSchemas().getSchema(com.networknt.schema.SchemaLocation.of("https://backstage.test/ResourceV1alpha1"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(out.resolve("backstage"))) {
            files = s.filter(f -> f.getFileName().toString().equals("template.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no Backstage template written");
        for (Path f : files) {
            JsonNode t = YAML.readTree(f.toFile());
            Map<String, JsonNode> params = new HashMap<>();
            Map<String, Boolean> required = new HashMap<>();
            for (JsonNode page : t.path("spec").path("parameters")) {
                page.path("properties").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
                page.path("required").forEach(r -> required.put(r.asText(), true));
            }
            JsonNode owner = params.get("owner");
            assertTrue(owner != null && owner.path("ui:field").asText().equals("OwnerPicker"), f + ": owner " + owner);
            assertTrue(required.containsKey("owner"), f + ": owner is required");
            JsonNode repo = params.get("repoUrl");
            assertTrue(repo != null && repo.path("ui:field").asText().equals("RepoUrlPicker")
                    && !repo.path("ui:options").path("allowedHosts").isEmpty(), f + ": repoUrl " + repo);
            JsonNode steps = t.path("spec").path("steps");
            assertEquals("${{ parameters.owner }}", steps.get(0).path("input").path("values").path("owner").asText(), f.toString());
            assertEquals("${{ parameters.repoUrl }}", steps.get(1).path("input").path("repoUrl").asText(), f.toString());

            Path skeleton;
            try (Stream<Path> s = Files.walk(f.getParent().resolve("skeleton/catalog"))) {
                skeleton = s.filter(Files::isRegularFile).findFirst().orElseThrow();
            }
            Map<String, String> values = Map.of("name", "orders-db", "namespace", "team-a", "owner", "group:default/team-a");
            JsonNode entity = YAML.readTree(fill(Files.readString(skeleton), values));
            assertEquals(List.of(), resource.validate(entity).stream().map(Error::toString).toList(), skeleton.toString());
            assertEquals("group:default/team-a", entity.path("spec").path("owner").asText(), skeleton.toString());
        }
    }

    /**
     * The skeleton's ${{ ... }} expressions as the scaffolder's nunjucks evaluates them, for the forms the skeletons
     * use: values.X, 'literal', joined by +, in parentheses, optionally piped to dump (JSON).
     */
    static String fill(String text, Map<String, String> values) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{\\{ (.*?) }}").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String expr = m.group(1).trim();
            boolean dump = expr.endsWith("| dump");
            if (dump) {
                expr = expr.substring(0, expr.length() - "| dump".length()).trim();
            }
            if (expr.startsWith("(") && expr.endsWith(")")) {
                expr = expr.substring(1, expr.length() - 1);
            }
            StringBuilder v = new StringBuilder();
            for (String part : expr.split("\\s*\\+\\s*")) {
                if (part.startsWith("'")) {
                    v.append(part, 1, part.length() - 1);
                } else {
                    assertTrue(part.startsWith("values.") && values.containsKey(part.substring(7)), "unknown " + part);
                    v.append(values.get(part.substring(7)));
                }
            }
            String out = dump ? GoTemplateText.json(com.fasterxml.jackson.databind.node.TextNode.valueOf(v.toString()))
                    : v.toString();
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(out));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
