package io.xp2aso.mapping;

import io.xp2aso.source.Origin;

import java.util.List;

/**
 * A reference from an MR to another resource: an owner or a {@code ...Reference} field.
 * {@code from}: the source fields holding a name or ARM ID, first present wins; their Crossplane siblings
 * {@code <from>Ref}, {@code <from>Refs} and {@code <from>Selector} are read too. {@code kind}: the upjet MR kind
 * referred to ("group/Kind", cluster-scoped group; "*" = any resource). {@code target}: the id of the target, in the
 * referenced kind's mapping file (or this file when {@code from} is empty), to point at (default its first).
 * {@code armId}: template for the ARM ID when the referenced resource is not migrated and its ID is not known
 * ({@code {value}} the name, {@code {subscription}}, {@code {<forProvider path>}}); {@code armIdSuffix} is appended to
 * the referenced resource's ARM ID (e.g. {@code /blobServices/default}).
 */
public record RefSpec(List<String> from, String kind, String target, String armId, String armIdSuffix, Origin origin) {
    public RefSpec {
        from = List.copyOf(from);
        target = target == null ? "" : target;
        armId = armId == null ? "" : armId;
        armIdSuffix = armIdSuffix == null ? "" : armIdSuffix;
        kind = kind == null ? "" : kind;
    }

    public boolean isLocal() {
        return from.isEmpty();
    }

    public boolean anyKind() {
        return kind.equals("*");
    }
}
