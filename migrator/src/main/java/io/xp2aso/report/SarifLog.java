package io.xp2aso.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The SARIF 2.1.0 log that report.sarif and diff.sarif share: one run of the xp2aso driver, one rule per finding
 * code (sorted by id, each at the most severe level it is used with), results located at a repository file and
 * line (relative paths under uriBaseId {@value #SRCROOT}) or, for objects read from a cluster, a logical location.
 */
public final class SarifLog {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    private static final JsonNodeFactory F = Nodes.FACTORY;

    private final ObjectNode root = F.objectNode();
    private final ObjectNode run;
    private final Map<String, Integer> ruleIndex = new TreeMap<>();
    private ArrayNode results;

    /**
     * {@code rules}: finding code -> the most severe level it is used with; {@code name}: a rule's PascalCase name
     * (null: rules have none); {@code description}: its short description.
     */
    public SarifLog(String toolVersion, Map<String, Severity> rules, Function<String, String> name,
                    Function<String, String> description) {
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "xp2aso");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/xp2aso/xp2aso");
        ArrayNode ruleArray = driver.putArray("rules");
        for (Map.Entry<String, Severity> e : new TreeMap<>(rules).entrySet()) {
            ruleIndex.put(e.getKey(), ruleArray.size());
            ObjectNode rule = ruleArray.addObject();
            rule.put("id", e.getKey());
            if (name != null) {
                rule.put("name", name.apply(e.getKey()));
            }
            rule.putObject("shortDescription").put("text", description.apply(e.getKey()));
            rule.putObject("defaultConfiguration").put("level", level(e.getValue()));
        }
    }

    /** Adds {@code rule: severity} to a map of rules, keeping the most severe. */
    public static void use(Map<String, Severity> rules, String code, Severity s) {
        rules.merge(code, s, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
    }

    /** The run, for properties placed before the results (e.g. automationDetails). */
    public ObjectNode run() {
        return run;
    }

    /** A new result of a rule given to the constructor. */
    public ObjectNode result(Severity severity, String code, String message) {
        Integer index = ruleIndex.get(code);
        if (index == null) {
            throw new IllegalArgumentException("no SARIF rule " + code);
        }
        ObjectNode n = results().addObject();
        n.put("ruleId", code);
        n.put("ruleIndex", index);
        n.put("level", level(severity));
        n.putObject("message").put("text", message);
        return n;
    }

    /** The finished log. */
    public ObjectNode root() {
        results();
        return root;
    }

    private ArrayNode results() {
        if (results == null) {
            results = run.putArray("results");
        }
        return results;
    }

    /**
     * A new location of a result, or null for no location (no file, or a pseudo-file such as {@code <stdin>}).
     * Objects read from a cluster ({@code cluster:...}) get a logical location and null is returned too.
     */
    public static ObjectNode location(ObjectNode result, String file) {
        if (file == null || file.isEmpty() || file.startsWith("<")) {
            return null;
        }
        ObjectNode loc = result.putArray("locations").addObject();
        if (file.startsWith("cluster:")) {
            logical(loc, file.substring("cluster:".length()));
            return null;
        }
        return loc;
    }

    public static void logical(ObjectNode location, String name) {
        location.putArray("logicalLocations").addObject().put("fullyQualifiedName", name);
    }

    /** The file and line of a location: relative paths under {@value #SRCROOT}, absolute ones as file URIs. */
    public static void physical(ObjectNode location, String file, int line) {
        ObjectNode physical = location.putObject("physicalLocation");
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
            return path.replace("%", "%25").replace(" ", "%20");
        }
    }

    public static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case UNMAPPED, WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
