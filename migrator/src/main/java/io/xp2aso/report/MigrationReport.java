package io.xp2aso.report;

import io.xp2aso.model.Severity;

import java.util.List;

/**
 * What a migrate run found, independent of any output format: report.json, report.md and report.sarif are
 * all rendered from this. Paths in it are display paths (relative to the run's base folder when possible).
 * No field ever holds a secret value: findings name a Secret and its key only.
 */
public record MigrationReport(Summary summary, List<UnitEntry> units, List<ResourceEntry> resources,
                              List<FindingEntry> findings, List<SkippedEntry> skipped, List<IgnoredEntry> ignored) {
    public MigrationReport {
        units = List.copyOf(units);
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        ignored = List.copyOf(ignored);
    }

    /** The counts of report.json's {@code summary}. */
    public record Summary(int claims, int composites, int managedResources, int asoResources, int unmappedFields,
                          int unsupportedKinds, int errors, int warnings) {
    }

    /** A Crossplane object by identity and where it was read. */
    public record SourceRef(String apiVersion, String kind, String name, String file, int line) {
    }

    /** A generated ASO object; {@code path} is its file under the output folder. */
    public record TargetRef(String apiVersion, String kind, String namespace, String name, String azureName,
                            String path) {
    }

    /** A unit (claim or XR with its MRs, or a lone MR); {@code claim}/{@code composite} are null when absent. */
    public record UnitEntry(String id, String namespace, String name, SourceRef claim, SourceRef composite,
                            String composition, List<String> outputDirs, List<FindingEntry> findings) {
        public UnitEntry {
            outputDirs = List.copyOf(outputDirs);
            findings = List.copyOf(findings);
        }
    }

    /** One source MR and what it became. */
    public record ResourceEntry(String unit, String compositionResourceName, SourceRef source,
                                List<TargetRef> targets, List<String> unmapped, List<FindingEntry> findings) {
        public ResourceEntry {
            targets = List.copyOf(targets);
            unmapped = List.copyOf(unmapped);
            findings = List.copyOf(findings);
        }
    }

    public record FindingEntry(Severity severity, String code, String message, String file, int line,
                               String subject) {
    }

    /** A file or document that is not a Kubernetes object. */
    public record SkippedEntry(String file, int line, String reason) {
    }

    /** A Kubernetes object that plays no role in a Crossplane estate (e.g. a Namespace or a Secret): named only. */
    public record IgnoredEntry(String apiVersion, String kind, String namespace, String name, String file, int line) {
    }
}
