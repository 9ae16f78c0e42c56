package io.xp2aso.diff;

import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.model.Severity;
import io.xp2aso.report.MigrationReport;
import io.xp2aso.report.MigrationReport.FindingEntry;
import io.xp2aso.report.MigrationReport.ResourceEntry;
import io.xp2aso.report.MigrationReport.UnitEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a migrate run into one side of a diff: its files, every finding flattened, its units' folders. */
public final class RunSide {
    /** The code of an unmapped source field, as in report.sarif. */
    public static final String UNMAPPED_FIELD = "unmapped-field";

    private RunSide() {
    }

    public static DiffSide of(String ref, String commit, MigrationRun run) {
        return of(ref, commit, run, Set.of());
    }

    public static DiffSide of(String ref, String commit, MigrationRun run, Set<String> sourceFiles) {
        MigrationReport r = run.report();
        List<DiffFinding> findings = new ArrayList<>();
        List<DiffSide.UnitInfo> units = new ArrayList<>();
        for (UnitEntry u : r.units()) {
            u.findings().forEach(f -> findings.add(finding(f)));
            MigrationReport.SourceRef at = u.claim() != null ? u.claim() : u.composite();
            units.add(new DiffSide.UnitInfo(u.id(), u.composition(), u.outputDirs(), at == null ? "" : at.file(),
                    at == null ? 0 : at.line()));
        }
        List<DiffSide.ResourceInfo> resources = new ArrayList<>();
        for (ResourceEntry res : r.resources()) {
            resources.add(new DiffSide.ResourceInfo(res.unit(), res.compositionResourceName(), res.source().kind(),
                    res.source().name(), res.source().file(), res.source().line()));
            String name = res.source().name().isEmpty() ? "[" + res.compositionResourceName() + "]" : res.source().name();
            String subject = res.source().kind() + " " + name + " (unit " + res.unit() + ")";
            // As in report.sarif: a mapper that reports each unmapped field as a finding already listed them.
            boolean reported = res.findings().stream().anyMatch(f -> f.severity() == Severity.UNMAPPED);
            for (String path : reported ? List.<String>of() : res.unmapped()) {
                findings.add(new DiffFinding(Severity.UNMAPPED, UNMAPPED_FIELD,
                        res.source().kind() + " " + name + ": field " + path
                                + " is not carried over (no rule of the mapping catalog maps it to an ASO field); review it by hand",
                        res.source().file(), res.source().line(), subject));
            }
            res.findings().forEach(f -> findings.add(finding(f)));
        }
        r.findings().forEach(f -> findings.add(finding(f)));
        return new DiffSide(ref, commit, run.files(), findings, units, sourceFiles, resources);
    }

    private static DiffFinding finding(FindingEntry f) {
        return new DiffFinding(f.severity(), f.code(), f.message(), f.file(), f.line(), f.subject());
    }
}
