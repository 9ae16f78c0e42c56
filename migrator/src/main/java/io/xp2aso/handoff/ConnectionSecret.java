package io.xp2aso.handoff;

import java.util.List;

/**
 * A connection Secret that a unit's claim, XR or MR makes Crossplane write (named, never read: no value is ever in the
 * plan), and what replaces it once Crossplane's objects are retired. {@code writer} is the Crossplane object;
 * {@code consumerFacing} is true for the claim's Secret (or an XR's without a claim), which applications read.
 * {@code replacement} ("namespace/name", "" when nothing replaces it) is the Secret the unit's ASO resources write
 * ({@code writtenBy}) with {@code keys} through operatorSpec.secrets or secretExpressions. The final-verify gate waits
 * for the replacement to hold each of those keys, and every key the Crossplane Secret had at preflight when the
 * replacement has its namespace and name.
 */
public record ConnectionSecret(String writer, boolean consumerFacing, String namespace, String name, String replacement,
                               List<String> keys, List<String> writtenBy) {
    public ConnectionSecret {
        // plan.json leaves out empty values: read back, they are empty again
        writer = writer == null ? "" : writer;
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        replacement = replacement == null ? "" : replacement;
        keys = keys == null ? List.of() : List.copyOf(keys);
        writtenBy = writtenBy == null ? List.of() : List.copyOf(writtenBy);
    }

    public String display() {
        return namespace + "/" + name;
    }

    /** The replacement has the Secret's own namespace and name: its consumers keep reading the same Secret. */
    public boolean inPlace() {
        return replacement.equals(display());
    }

    /** One line for plan.md: what replaces it, and when. */
    public String describe() {
        String what = "Secret " + display() + " (written for " + writer + ")";
        if (replacement.isEmpty()) {
            return what + ": nothing replaces it; after retire it stays, without owner, and nothing writes it any more";
        }
        return what + ": replaced by Secret " + replacement + " with keys " + keys + ", written by " + String.join(", ", writtenBy)
                + (inPlace() ? "; retire deletes Crossplane's objects with Orphan propagation, so the Secret stays with "
                + "every key for its consumers; final-verify makes its ASO writer its controller owner (ASO writes it from "
                + "then on) and waits until it holds every key"
                : " (another namespace: its consumers must read it there); ASO (managing since `manage`) writes it and "
                + "final-verify waits until it holds every key; the old Secret stays, without owner, after retire: "
                + "delete it once nothing reads it");
    }
}
