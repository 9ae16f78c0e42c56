package io.xp2aso.mapping;

/**
 * Where a target's {@code spec.azureName} comes from. Default: the MR's {@code crossplane.io/external-name}
 * (its last segment when it is an ARM ID), else the MR's name when {@code nameFallback} (Crossplane defaults the
 * external name to metadata.name for most upjet kinds). {@code from}: a forProvider (or forEach element) field.
 * {@code fixed}: singleton child whose Azure name is fixed (e.g. "default"); ASO has no azureName field then.
 */
public record AzureNameSpec(String from, String fixed, boolean nameFallback) {
    public static final AzureNameSpec EXTERNAL_NAME = new AzureNameSpec("", "", true);

    public AzureNameSpec {
        from = from == null ? "" : from;
        fixed = fixed == null ? "" : fixed;
    }

    public boolean isFixed() {
        return !fixed.isEmpty();
    }
}
