package io.xp2aso.model;

/** What role an object plays in a Crossplane estate. */
public enum ObjectKind {
    XRD, COMPOSITION, COMPOSITION_REVISION, ENVIRONMENT_CONFIG, FUNCTION, PROVIDER, PROVIDER_CONFIG,
    COMPOSITE, CLAIM, MANAGED, OTHER
}
