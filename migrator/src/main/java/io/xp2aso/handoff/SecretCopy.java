package io.xp2aso.handoff;

/**
 * A Secret key an ASO resource reads that lives in another namespace for Crossplane: copied by name and key only.
 * The value never appears in a plan, log or report.
 */
public record SecretCopy(String fromNamespace, String fromName, String fromKey, String toNamespace, String toName,
                         String toKey) {
    /** plan.json leaves out empty values: read back, they are empty again. */
    public SecretCopy {
        fromNamespace = fromNamespace == null ? "" : fromNamespace;
        fromName = fromName == null ? "" : fromName;
        fromKey = fromKey == null ? "" : fromKey;
        toNamespace = toNamespace == null ? "" : toNamespace;
        toName = toName == null ? "" : toName;
        toKey = toKey == null ? "" : toKey;
    }

    public String describe() {
        return "Secret " + fromNamespace + "/" + fromName + " key " + fromKey + " -> Secret " + toNamespace + "/"
                + toName + " key " + toKey;
    }
}
