package io.xp2aso.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * diff.sarif: SARIF 2.1.0 with the NEW findings only, each at the source file and line of the head ref (paths
 * relative to the repository root, uriBaseId {@code %SRCROOT%}), so code scanning annotates the pull request's
 * lines. Each result carries a partial fingerprint of the finding's identity, which does not depend on the line.
 */
public final class DiffSarif {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    public static final String FINGERPRINT = "xp2aso/finding/v1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DiffSarif() {
    }

    public static String render(OutputDiff d, String toolVersion) {
        Map<String, Severity> rules = new TreeMap<>();
        for (DiffFinding f : d.newFindings()) {
            rules.merge(f.code(), f.severity(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        ObjectNode root = F.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "xp2aso");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/xp2aso/xp2aso");
        ArrayNode ruleArray = driver.putArray("rules");
        Map<String, Integer> index = new TreeMap<>();
        for (Map.Entry<String, Severity> e : rules.entrySet()) {
            index.put(e.getKey(), ruleArray.size());
            ObjectNode r = ruleArray.addObject();
            r.put("id", e.getKey());
            r.putObject("shortDescription").put("text", e.getKey().replace('-', ' '));
            r.putObject("defaultConfiguration").put("level", level(e.getValue()));
        }
        run.putObject("automationDetails").put("id", "xp2aso-diff/");
        ArrayNode results = run.putArray("results");
        for (DiffFinding f : d.newFindings()) {
            ObjectNode n = results.addObject();
            n.put("ruleId", f.code());
            n.put("ruleIndex", index.get(f.code()));
            n.put("level", level(f.severity()));
            n.putObject("message").put("text", f.message());
            location(n, f, d.head());
            n.putObject("partialFingerprints").put(FINGERPRINT, sha256(f.key()));
            n.putObject("properties").put("severity", f.severity().label());
        }
        return Json.write(root);
    }

    private static void location(ObjectNode result, DiffFinding f, DiffSide head) {
        String file = f.file();
        if (file.isEmpty() || file.startsWith("<")) {
            return;
        }
        ObjectNode loc = result.putArray("locations").addObject();
        if (file.startsWith("cluster:")) {
            loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", file.substring("cluster:".length()));
            return;
        }
        if (!head.isSourceFile(file)) {
            // A file of the generated output (e.g. handoff/plan.md), not of the repository: no line to annotate.
            loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.subject().isEmpty() ? file : f.subject());
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
        if (f.line() > 0) {
            physical.putObject("region").put("startLine", f.line());
        }
    }

    static String uri(String scheme, String path) {
        try {
            return new URI(scheme, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path.replace("%", "%25").replace(" ", "%20");
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case UNMAPPED, WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
