package io.xp2aso.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Severity;
import io.xp2aso.report.MigrationReport.FindingEntry;
import io.xp2aso.report.MigrationReport.ResourceEntry;
import io.xp2aso.report.MigrationReport.UnitEntry;

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
    public static final String UNMAPPED_RULE = "unmapped-field";
    public static final String SRCROOT = SarifLog.SRCROOT;

    private SarifReport() {
    }

    /** A result before rendering: severity, code, message and location. */
    private record Result(Severity severity, String code, String message, String file, int line) {
    }

    public static String render(MigrationReport report, String toolVersion) {
        return PrettyJson.write(tree(report, toolVersion));
    }

    /** {@link #render} streamed into {@code out} (closed when done). */
    public static void write(MigrationReport report, String toolVersion, java.io.Writer out) {
        PrettyJson.write(tree(report, toolVersion), out);
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
                                + " is not carried over (no rule of the mapping catalog maps it to an ASO field); review it by hand",
                        r.source().file(), r.source().line()));
            }
            r.findings().forEach(f -> results.add(result(f)));
        }
        report.findings().forEach(f -> results.add(result(f)));

        Map<String, Severity> rules = new TreeMap<>();
        results.forEach(r -> SarifLog.use(rules, r.code(), r.severity()));
        SarifLog log = new SarifLog(toolVersion, rules, SarifReport::ruleName, SarifReport::description);
        for (Result r : results) {
            ObjectNode loc = SarifLog.location(log.result(r.severity(), r.code(), r.message()), r.file());
            if (loc != null) {
                SarifLog.physical(loc, r.file(), r.line());
            }
        }
        return log.root();
    }

    private static Result result(FindingEntry f) {
        return new Result(f.severity(), f.code(), f.message(), f.file(), f.line());
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
