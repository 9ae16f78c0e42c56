package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.Optional;
import java.util.Set;

/**
 * `mappings coverage`: for each mapped kind and source version, the share of the upjet CRD's spec.forProvider
 * leaf fields that the mapping file maps or ignores with a reason. A leaf is a scalar, a list of scalars, a map or a
 * free-form object; lists of objects contribute their items' fields. Crossplane reference helpers
 * ({@code *Ref}, {@code *Refs}, {@code *Selector}) are not counted: they resolve into their base field, which is.
 */
public final class Coverage {
    /** One kind at one version: counts and the leaves nobody accounts for. */
    public record Row(String kind, String version, int total, int mapped, int ignored, List<String> unmapped) {
        public double share() {
            return total == 0 ? 1.0 : (mapped + ignored) / (double) total;
        }
    }

    private Coverage() {
    }

    public static List<Row> run(MappingCatalog catalog, CrdStore upjetCrds) {
        return run(catalog, upjetCrds, null);
    }

    /**
     * With {@code legacyCrds} (the original upbound/provider-azure), each kind also gets a row per version of its
     * older CRD, version {@code legacy:v1beta1}: a leaf counts as mapped or ignored when the file accounts for it
     * under its own name or, through {@code olderNames}, under its current name.
     */
    public static List<Row> run(MappingCatalog catalog, CrdStore upjetCrds, CrdStore legacyCrds) {
        return run(catalog, upjetCrds, legacyCrds, done -> {
        });
    }

    /** As {@link #run(MappingCatalog, CrdStore, CrdStore)}, telling {@code progress} how many files are done. */
    public static List<Row> run(MappingCatalog catalog, CrdStore upjetCrds, CrdStore legacyCrds, IntConsumer progress) {
        List<Row> rows = new ArrayList<>();
        int done = 0;
        for (KindMapping m : catalog.entries()) {
            progress.accept(done++);
            Optional<JsonNode> crd = upjetCrds.find(m.group(), m.kind());
            if (crd.isEmpty()) {
                continue;
            }
            List<String> versions = m.versions().isEmpty() ? upjetCrds.servedVersions(m.group(), m.kind()) : m.versions();
            Set<String> consumed = ConsumedPaths.of(m);
            Set<String> ignored = ConsumedPaths.ignored(m);
            for (String v : versions) {
                Optional<JsonNode> schema = upjetCrds.schema(m.group(), m.kind(), v);
                if (schema.isEmpty()) {
                    continue;
                }
                JsonNode fp = schema.get().path("properties").path("spec").path("properties").path("forProvider");
                rows.add(count(m.groupKind(), v, fp, consumed, ignored, List.of()));
            }
            if (legacyCrds != null && legacyCrds.find(m.group(), m.kind()).isPresent()) {
                for (String v : legacyCrds.servedVersions(m.group(), m.kind())) {
                    legacyCrds.schema(m.group(), m.kind(), v).ifPresent(s -> rows.add(count(m.groupKind(), "legacy:" + v,
                            s.path("properties").path("spec").path("properties").path("forProvider"), consumed, ignored,
                            m.olderNames())));
                }
            }
        }
        return rows;
    }

    private static Row count(String kind, String version, JsonNode fp, Set<String> consumed, Set<String> ignored,
                             List<OlderName> older) {
        int total = 0;
        int mapped = 0;
        int ign = 0;
        List<String> unmapped = new ArrayList<>();
        for (String leaf : SchemaPaths.leaves(fp)) {
            if (isReferenceHelper(leaf)) {
                continue;
            }
            total++;
            String current = current(leaf, older);
            if (ConsumedPaths.covers(ignored, current)) {
                ign++;
            } else if (ConsumedPaths.covers(consumed, current)) {
                mapped++;
            } else {
                unmapped.add(leaf);
            }
        }
        return new Row(kind, version, total, mapped, ign, unmapped);
    }

    /** The current name of a leaf of the older provider: renamed by the first older name it lies under. */
    private static String current(String leaf, List<OlderName> older) {
        for (OlderName n : older) {
            if (FieldPath.isUnder(leaf, n.from())) {
                return n.to() + leaf.substring(n.from().length());
            }
        }
        return leaf;
    }

    private static boolean isReferenceHelper(String leaf) {
        for (String seg : FieldPath.segments(leaf)) {
            if ((seg.endsWith("Ref") || seg.endsWith("Refs") || seg.endsWith("Selector")) && !seg.endsWith("SecretRef")) {
                return true;
            }
        }
        return false;
    }
}
