package io.xp2aso.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Severity;
import io.xp2aso.report.SarifLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * diff.sarif: SARIF 2.1.0 with the destructive changes (rule destructive-change, level error) and the NEW findings, each at the source file and line of the head ref (paths
 * relative to the repository root, uriBaseId {@code %SRCROOT%}), so code scanning annotates the pull request's
 * lines. Each result carries a partial fingerprint of the finding's identity, which does not depend on the line.
 */
public final class DiffSarif {
    public static final String FINGERPRINT = "xp2aso/finding/v1";

    private DiffSarif() {
    }

    public static String render(OutputDiff d, String toolVersion) {
        Map<String, Severity> rules = new TreeMap<>();
        d.newFindings().forEach(f -> SarifLog.use(rules, f.code(), f.severity()));
        if (!d.destructive().isEmpty()) {
            SarifLog.use(rules, DestructiveChange.CODE, Severity.ERROR);
        }
        SarifLog log = new SarifLog(toolVersion, rules, null, code -> code.replace('-', ' '));
        log.run().putObject("automationDetails").put("id", "xp2aso-diff/");
        for (DestructiveChange c : d.destructive()) {
            DiffFinding f = new DiffFinding(Severity.ERROR, DestructiveChange.CODE, c.message(), c.file(), c.line(),
                    c.unit() + " " + c.resource());
            result(log, f, d.head()).put("change", c.kind().name().toLowerCase());
        }
        for (DiffFinding f : d.newFindings()) {
            result(log, f, d.head());
        }
        return Json.write(log.root());
    }

    /** Adds the finding as a result at its place at head; returns its properties, for more. */
    private static ObjectNode result(SarifLog log, DiffFinding f, DiffSide head) {
        ObjectNode n = log.result(f.severity(), f.code(), f.message());
        location(n, f, head);
        n.putObject("partialFingerprints").put(FINGERPRINT, sha256(f.key()));
        return n.putObject("properties").put("severity", f.severity().label());
    }

    private static void location(ObjectNode result, DiffFinding f, DiffSide head) {
        ObjectNode loc = SarifLog.location(result, f.file());
        if (loc == null) {
            return;
        }
        if (!head.isSourceFile(f.file())) {
            // A file of the generated output (e.g. handoff/plan.md), not of the repository: no line to annotate.
            SarifLog.logical(loc, f.subject().isEmpty() ? f.file() : f.subject());
            return;
        }
        SarifLog.physical(loc, f.file(), f.line());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
