package io.xp2aso.compose;

/**
 * Which implementation of patch-and-transform runs a template: the legacy engine built into Crossplane
 * ({@code spec.resources}, "native") or function-patch-and-transform in a Pipeline. They differ in defaults,
 * validation, error handling, the Join separator and what an XR write may change (see crossplane-semantics.md).
 */
public enum Engine {
    NATIVE, PT;

    public String label() {
        return this == NATIVE ? "legacy spec.resources" : "function-patch-and-transform";
    }
}
