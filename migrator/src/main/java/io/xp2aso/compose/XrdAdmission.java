package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Xrd;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the API server does to a claim or XR before Crossplane sees it: structural defaults from the XRD's schema
 * ({@link SchemaDefaults}), then validation ({@link SchemaCheck}); each violation is an error finding at the line of
 * the field in the source file (or the object's line when the file cannot be read again, e.g. standard input).
 * Only {@code spec} is checked: status belongs to the cluster.
 */
public final class XrdAdmission {
    private XrdAdmission() {
    }

    /** The schema of {@code version} in the XRD (openAPIV3Schema), or null. */
    static JsonNode schema(Xrd xrd, String version) {
        if (xrd == null) {
            return null;
        }
        for (JsonNode v : xrd.spec().path("versions")) {
            if (v.path("name").asText("").equals(version)) {
                JsonNode s = v.path("schema").path("openAPIV3Schema");
                return s.isObject() ? s : null;
            }
        }
        return null;
    }

    /** Applies the spec defaults of the schema of {@code version} to {@code object} in place. */
    public static void defaults(ObjectNode object, Xrd xrd, String version) {
        JsonNode specSchema = specSchema(schema(xrd, version));
        if (specSchema == null) {
            return;
        }
        if (!object.has("spec") && specSchema.has("default")) {
            object.set("spec", specSchema.get("default").deepCopy());
        }
        JsonNode spec = object.get("spec");
        if (spec != null) {
            SchemaDefaults.apply(spec, specSchema);
        }
    }

    /**
     * Defaults {@code object} (a copy of a source object of the XRD's claim or XR kind at {@code version}) in place
     * and adds an error finding per violation of the schema.
     */
    static void admit(ObjectNode object, Xrd xrd, String version, Origin origin, String subject, String role,
                      List<Finding> findings) {
        String name = object.path("metadata").path("name").asText("");
        if (!name.isEmpty() && !isDnsSubdomain(name)) {
            // Unicode or upper case in a name: the API server would never have stored this object.
            findings.add(Finding.error("invalid-name", "metadata.name: Invalid value: \"" + name + "\": a lowercase"
                    + " RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start"
                    + " and end with an alphanumeric character, at most 253 characters: the API server rejects this "
                    + role, lineOf(origin, List.of("metadata", "name")), subject));
        }
        if (xrd == null) {
            return;
        }
        if (!xrd.versionNames().contains(version)) {
            findings.add(Finding.error("xrd-version", "the " + role + " is at version " + version + ", which XRD "
                    + xrd.name() + " does not define (versions: " + xrd.versionNames() + "); the API server rejects it",
                    origin, subject));
            return;
        }
        defaults(object, xrd, version);
        JsonNode schema = schema(xrd, version);
        JsonNode specSchema = specSchema(schema);
        if (specSchema == null) {
            return;
        }
        List<SchemaCheck.Violation> violations;
        if (object.get("spec") == null) {
            violations = schema.path("required").toString().contains("\"spec\"")
                    ? List.of(new SchemaCheck.Violation(List.of("spec"), "is required")) : List.of();
        } else {
            violations = SchemaCheck.check(object.get("spec"), specSchema, List.of("spec"));
        }
        for (SchemaCheck.Violation v : violations) {
            findings.add(Finding.error("xrd-schema", v.dotted() + " " + v.message() + " (XRD " + xrd.name()
                    + "): the API server rejects this " + role, lineOf(origin, v.path()), subject));
        }
    }

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Kubernetes' IsDNS1123Subdomain: the rule for the names of claims, XRs and most objects. */
    static boolean isDnsSubdomain(String name) {
        return name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
    }

    /** A defaulted copy of a source claim or XR; its violations go to {@code findings}. */
    public static Manifest admit(Manifest source, Xrd xrd, String role, List<Finding> findings) {
        ObjectNode copy = source.node().deepCopy();
        admit(copy, xrd, source.version(), source.origin(), source.displayName(), role, findings);
        return new Manifest(copy, source.origin());
    }

    private static JsonNode specSchema(JsonNode schema) {
        JsonNode s = schema == null ? null : schema.path("properties").get("spec");
        return s != null && s.isObject() ? s : null;
    }

    /**
     * The line of a field in the object's source file: from the object's first line, each key of the path in turn
     * (a light scan of the text, not a parse: good for the block style manifests are written in). A field that is
     * absent (a required one) points at its parent.
     */
    static Origin lineOf(Origin origin, List<String> path) {
        Path file = Path.of(origin.file());
        if (origin.line() <= 0 || !Files.isRegularFile(file)) {
            return origin;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return origin;
        }
        int at = origin.line() - 1;
        int found = at;
        for (String key : path) {
            if (key.startsWith("[")) {
                continue;
            }
            Pattern p = Pattern.compile("^\\s*(?:-\\s+)*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:(\\s|$)");
            int i = at;
            while (i < lines.size() && !(i > origin.line() - 1 && lines.get(i).startsWith("---")) && !p.matcher(lines.get(i)).find()) {
                i++;
            }
            if (i >= lines.size() || lines.get(i).startsWith("---") && i > origin.line() - 1) {
                break;
            }
            found = i;
            at = i + 1;
        }
        return new Origin(origin.file(), found + 1);
    }
}
