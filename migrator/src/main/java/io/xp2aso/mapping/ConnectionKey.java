package io.xp2aso.mapping;

/**
 * A Crossplane connection-secret key and how ASO produces it: {@code secret} names an ASO
 * {@code operatorSpec.secrets} entry, {@code expression} is a CEL expression for {@code operatorSpec.secretExpressions}.
 */
public record ConnectionKey(String key, String secret, String expression) {
}
