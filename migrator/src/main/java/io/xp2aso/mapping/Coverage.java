package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
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
        List<Row> rows = new ArrayList<>();
        for (KindMapping m : catalog.entries()) {
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
                int total = 0;
                int mapped = 0;
                int ign = 0;
                List<String> unmapped = new ArrayList<>();
                for (String leaf : SchemaPaths.leaves(fp)) {
                    if (isReferenceHelper(leaf)) {
                        continue;
                    }
                    total++;
                    if (ConsumedPaths.covers(ignored, leaf)) {
                        ign++;
                    } else if (ConsumedPaths.covers(consumed, leaf)) {
                        mapped++;
                    } else {
                        unmapped.add(leaf);
                    }
                }
                rows.add(new Row(m.groupKind(), v, total, mapped, ign, unmapped));
            }
        }
        return rows;
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
