package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.xp2aso.source.Origin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One rule of a mapping file: read {@code from} (forProvider paths, or paths of the list element inside
 * {@code each}), transform, write to {@code to} (a path below the ASO object's {@code spec}).
 * See mappings/README.md for every key. {@code onlyIf} is checked first. Transform order: reference/secretRef,
 * pattern, format, values/negate, multiply/divide, case, joinList/split, entries, type, then each/fields, then write
 * (or append).
 * {@code via}: the {@code from} paths are read in the MR this reference names (e.g. a database's server), not in
 * this one. {@code inItem}: the rule writes into the matching items of a list the ASO object already has (its
 * {@code to} is below the item). {@code subResource}: the value names a part of the resource another field names; an {@code armId}
 * reference to it is written. {@code format} may name {@code {azureName}} and {@code {subscription}}; with no {@code from}, it is a
 * computed constant.
 */
public record RuleSpec(List<String> from, String to, JsonNode constValue, JsonNode defaultValue,
                       Pattern pattern, String format, Map<String, JsonNode> values, boolean keepUnlisted,
                       boolean negate, BigDecimal multiply, BigDecimal divide, String textCase, String joinList,
                       String split, String type, RefSpec reference, boolean secretRef, List<RuleSpec> each,
                       List<RuleSpec> fields, boolean append, List<String> appendKey, RuleCondition onlyIf, MapEntries entries,
                       RefSpec via, List<String> observedUnset, SubResourceSpec subResource,
                       ItemSpec inItem, Origin origin) {
    public RuleSpec {
        observedUnset = observedUnset == null ? List.of() : List.copyOf(observedUnset);
        from = List.copyOf(from);
        values = values == null ? null : Map.copyOf(values);
        each = each == null ? null : List.copyOf(each);
        fields = fields == null ? null : List.copyOf(fields);
        appendKey = appendKey == null ? List.of() : List.copyOf(appendKey);
    }

    /** True when the rule's own value is used whole (so its from paths consume every leaf below them). */
    public boolean usesWholeValue() {
        return reference != null || subResource != null || secretRef || (each == null && fields == null);
    }

    /** Reads nothing: a constant (or a group of nested rules without a from). */
    public boolean isConstant() {
        return from.isEmpty() && (constValue != null || format != null);
    }

    public String describe() {
        return (from.isEmpty() ? (constValue != null ? "const" : ".") : String.join("+", from)) + " -> "
                + (to.isEmpty() ? "." : to);
    }
}
