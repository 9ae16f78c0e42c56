package io.xp2aso.templates;

import io.xp2aso.mapping.KindMapping;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.RuleSpec;
import io.xp2aso.mapping.TargetSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value the chart cannot reproduce comes from in the mapping catalog: the rules of the composed resource's
 * kind that write the ASO field, by file:line, so the report points at what derives it (a values table, a pattern).
 */
final class MappingRules {
    private MappingRules() {
    }

    /** "; written by mapping rule(s) FILE:LINE, ..." or "" when no top-level rule writes the field. */
    static String writing(MappingCatalog catalog, String mrApiVersion, String mrKind, String asoKind, String asoPath) {
        if (!asoPath.startsWith(".spec.")) {
            return "";
        }
        String field = asoPath.substring(".spec.".length());
        List<String> at = new ArrayList<>();
        KindMapping km = catalog.find(mrApiVersion, mrKind).orElse(null);
        if (km == null) {
            return "";
        }
        for (TargetSpec t : km.targets()) {
            if (!t.kind().equals(asoKind)) {
                continue;
            }
            for (RuleSpec r : t.rules()) {
                String to = r.to() == null ? "" : r.to();
                if (!to.isEmpty() && (to.equals(field) || to.startsWith(field + ".") || field.startsWith(to + "."))
                        && r.origin() != null) {
                    at.add(r.origin().file() + ":" + r.origin().line());
                }
            }
        }
        return at.isEmpty() ? "" : "; written by mapping rule" + (at.size() > 1 ? "s " : " ") + String.join(", ", at);
    }
}
