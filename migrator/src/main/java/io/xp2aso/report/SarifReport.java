package io.xp2aso.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Severity;
import io.xp2aso.report.MigrationReport.FindingEntry;
import io.xp2aso.report.MigrationReport.ResourceEntry;
import io.xp2aso.report.MigrationReport.UnitEntry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * report.sarif: SARIF 2.1.0 for code-scanning tools. One rule per finding code; every finding, and every
 * unmapped field (rule {@value #UNMAPPED_RULE}), is a result located at the source file and line, with the path
 * relative to the repository (uriBaseId {@code %SRCROOT%}). An unmapped field becomes a result of its own unless
 * the resource already carries a finding of severity unmapped for it. Objects read from a cluster get a logical location.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String UNMAPPED_RULE = "unmapped-field";
    public static final String SRCROOT = "%SRCROOT%";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SarifReport() {
    }

    /** A result before rendering: severity, code, message and location. */
    private record Result(Severity severity, String code, String message, String file, int line) {
    }

    public static String render(MigrationReport report, String toolVersion) {
        return PrettyJson.write(tree(report, toolVersion));
    }

    public static ObjectNode tree(MigrationReport report, String toolVersion) {
        List<Result> results = new ArrayList<>();
        for (UnitEntry u : report.units()) {
            u.findings().forEach(f -> results.add(result(f)));
        }
        for (ResourceEntry r : report.resources()) {
            // A mapper that reports each unmapped field as a finding already produced these results.
            boolean reported = r.findings().stream().anyMatch(f -> f.severity() == Severity.UNMAPPED);
            for (String path : reported ? List.<String>of() : r.unmapped()) {
                results.add(new Result(Severity.UNMAPPED, UNMAPPED_RULE,
                        r.source().kind() + " " + displayName(r) + ": field " + path
                                + " has no ASO equivalent in the mapping catalog; review it by hand",
                        r.source().file(), r.source().line()));
            }
            r.findings().forEach(f -> results.add(result(f)));
        }
        report.findings().forEach(f -> results.add(result(f)));

        // Rules sorted by id; each rule's default level is the most severe level it was used with.
        Map<String, Severity> ruleLevels = new TreeMap<>();
        for (Result r : results) {
            ruleLevels.merge(r.code(), r.severity(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        Map<String, Integer> ruleIndex = new TreeMap<>();

        ObjectNode root = F.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "xp2aso");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/xp2aso/xp2aso");
        ArrayNode rules = driver.putArray("rules");
        for (Map.Entry<String, Severity> e : ruleLevels.entrySet()) {
            ruleIndex.put(e.getKey(), rules.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", e.getKey());
            rule.put("name", ruleName(e.getKey()));
            rule.putObject("shortDescription").put("text", description(e.getKey()));
            rule.putObject("defaultConfiguration").put("level", level(e.getValue()));
        }
        ArrayNode out = run.putArray("results");
        for (Result r : results) {
            ObjectNode n = out.addObject();
            n.put("ruleId", r.code());
            n.put("ruleIndex", ruleIndex.get(r.code()));
            n.put("level", level(r.severity()));
            n.putObject("message").put("text", r.message());
            location(n, r.file(), r.line());
        }
        return root;
    }

    private static Result result(FindingEntry f) {
        return new Result(f.severity(), f.code(), f.message(), f.file(), f.line());
    }

    private static void location(ObjectNode result, String file, int line) {
        if (file == null || file.isEmpty() || file.startsWith("<")) {
            return;
        }
        ArrayNode locations = result.putArray("locations");
        ObjectNode loc = locations.addObject();
        if (file.startsWith("cluster:")) {
            loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", file.substring("cluster:".length()));
            return;
        }
        ObjectNode physical = loc.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        if (file.startsWith("/")) {
            artifact.put("uri", uri("file", file));
        } else {
            artifact.put("uri", uri(null, file));
            artifact.put("uriBaseId", SRCROOT);
        }
        if (line > 0) {
            physical.putObject("region").put("startLine", line);
        }
    }

    /** A URI reference for a path: relative (no scheme) or file:///absolute, with unsafe characters escaped. */
    static String uri(String scheme, String path) {
        try {
            return new URI(scheme, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case UNMAPPED, WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String displayName(ResourceEntry r) {
        return r.source().name().isEmpty() ? "[" + r.compositionResourceName() + "]" : r.source().name();
    }

    /** "unmapped-field" -> "UnmappedField" (SARIF rule names are PascalCase by convention). */
    static String ruleName(String code) {
        StringBuilder sb = new StringBuilder();
        for (String part : code.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    /** "unmapped-field" -> "Unmapped field". */
    static String description(String code) {
        String words = code.replaceAll("[^A-Za-z0-9]+", " ").trim().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
