package io.xp2aso.inventory;

import java.util.List;

/** A Crossplane package (Provider or Function): its OCI reference and health conditions. */
public record PackageSummary(String kind, String name, String packageRef, String currentRevision,
                             List<ConditionSummary> conditions) {
    public PackageSummary {
        conditions = List.copyOf(conditions);
    }

    /** "healthy", "unhealthy", or "unknown" when the package reports no conditions at all. */
    public String health() {
        if (conditions.isEmpty()) {
            return "unknown";
        }
        return healthy() ? "healthy" : "unhealthy";
    }

    /** Healthy=True and Installed=True, as Crossplane reports a working package. */
    public boolean healthy() {
        boolean healthy = false;
        boolean installed = false;
        for (ConditionSummary c : conditions) {
            healthy |= c.type().equals("Healthy") && c.isTrue();
            installed |= c.type().equals("Installed") && c.isTrue();
        }
        return healthy && installed;
    }

    /** The package's repository without registry host and tag, e.g. "crossplane-contrib/function-auto-ready". */
    public String repository() {
        String p = packageRef;
        int at = p.indexOf('@');
        if (at >= 0) {
            p = p.substring(0, at);
        }
        int slash = p.lastIndexOf('/');
        int colon = p.lastIndexOf(':');
        if (colon > slash) {
            p = p.substring(0, colon);
        }
        int first = p.indexOf('/');
        if (first >= 0 && p.substring(0, first).contains(".")) {
            p = p.substring(first + 1);
        }
        return p;
    }
}
