package io.xp2aso.inventory;

import io.xp2aso.model.ObjectKind;

/** The one-word state of a claim, XR or MR shown in reports, and why. */
final class Health {
    private Health() {
    }

    /** paused, unhealthy, drifting (MRs only) or healthy, in that order of precedence. */
    static String state(ResourceSummary r) {
        if (r.paused()) {
            return "paused";
        }
        if (!r.healthy()) {
            return "unhealthy";
        }
        if (r.role() == ObjectKind.MANAGED && r.drifting()) {
            return "drifting";
        }
        return "healthy";
    }

    static String detail(ResourceSummary r) {
        if (!r.healthy()) {
            return r.problem();
        }
        if (r.drifting()) {
            return driftText(r);
        }
        return "";
    }

    static String driftText(ResourceSummary r) {
        StringBuilder b = new StringBuilder();
        for (DriftField d : r.drift()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(d.path()).append(": desired ").append(d.desired()).append(", observed ").append(d.observed());
        }
        return b.toString();
    }
}
