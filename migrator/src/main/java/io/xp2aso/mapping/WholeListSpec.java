package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Origin;

/**
 * {@code wholeLists} entry of a target: a list in the ASO spec ({@code path}) that Azure replaces as a whole on a
 * PUT, and that Crossplane did not manage as a whole when the MR leaves it out (Terraform leaves such lists to Azure,
 * or other MRs manage its items). Unless the sources or the observed state give it, ASO's PUT would empty it.
 * {@code onlyWith}: the check applies only when the ASO spec sends this object (the list is part of it; an object
 * left out is left alone by Azure); empty: always. {@code unlessPath}/{@code unlessEquals}: not when the ASO spec has
 * this value there (a Key Vault in RBAC mode does not use access policies).
 */
public record WholeListSpec(String path, String onlyWith, String unlessPath, JsonNode unlessEquals, Origin origin) {
    /** True when the built spec (after merges) leaves the list out although Azure would then replace it. */
    boolean missingFrom(JsonNode spec) {
        if (FieldPath.readSafe(spec, path) != null) {
            return false;
        }
        if (!onlyWith.isEmpty() && FieldPath.readSafe(spec, onlyWith) == null) {
            return false;
        }
        if (!unlessPath.isEmpty()) {
            JsonNode v = FieldPath.readSafe(spec, unlessPath);
            return v == null || !v.isValueNode() || !v.asText().equals(unlessEquals.asText());
        }
        return true;
    }
}
