package io.xp2aso.inventory;

/**
 * Something that stops part of the estate from moving to ASO today. Codes: unmapped-kind, unsupported-function,
 * unhealthy, drift, unlisted-kind, unhealthy-package, aso-not-installed, aso-crd-missing,
 * aso-version-not-served.
 */
public record Blocker(String code, String subject, String message) {
}
