package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;

/** One compiled transform: a value in, a value out (Go types as Jackson nodes), or a {@link TransformException}. */
@FunctionalInterface
public interface Transform {
    JsonNode apply(JsonNode input);
}
