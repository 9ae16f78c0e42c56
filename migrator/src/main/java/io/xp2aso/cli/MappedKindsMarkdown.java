package io.xp2aso.cli;

import io.xp2aso.mapping.KindMapping;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.TargetSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The catalog's mapped kinds as a Markdown table: what `mappings list --markdown` prints and README.md holds between
 * its mapped-kinds markers (a test keeps the two equal).
 */
final class MappedKindsMarkdown {
    private MappedKindsMarkdown() {
    }

    static String render(MappingCatalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append("| Crossplane group | kind | versions | becomes |\n");
        b.append("| --- | --- | --- | --- |\n");
        List<KindMapping> entries = catalog.entries().stream()
                .sorted(Comparator.comparing(KindMapping::group).thenComparing(KindMapping::kind)).toList();
        for (KindMapping m : entries) {
            b.append("| `").append(m.group()).append("` | ").append(m.kind()).append(" | ")
                    .append(String.join(", ", m.versions())).append(" | ").append(becomes(m)).append(" |\n");
        }
        b.append('\n').append(entries.size()).append(entries.size() == 1 ? " kind" : " kinds").append(".\n");
        return b.toString();
    }

    private static String becomes(KindMapping m) {
        List<String> parts = new ArrayList<>();
        if (m.isMerge()) {
            String via = m.mergeInto().via().kind();
            String kind = via.substring(via.indexOf('/') + 1);
            parts.add("merged into its " + kind + (via.startsWith(m.group() + "/") ? "" : " (`" + via + "`)"));
        }
        for (TargetSpec t : m.targets()) {
            StringBuilder p = new StringBuilder("`").append(t.apiVersion()).append("` ").append(t.kind());
            if (!t.forEach().isEmpty()) {
                p.append(", one per `").append(t.forEach()).append('`');
            }
            if (!t.when().isEmpty()) {
                p.append(", when `").append(t.when()).append("` is set");
            }
            parts.add(p.toString());
        }
        return String.join("; ", parts);
    }
}
