package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Origin;

import java.util.Map;

/**
 * An older name of a forProvider field: the path {@code from} of the original upbound/provider-azure (Terraform
 * azurerm 3.x names such as {@code defaultNodePool.enableAutoScaling}) is the field the current provider calls
 * {@code to}. The engine renames it before any rule runs, converting the value by {@code values} or {@code negate}
 * when the meaning was inverted or became an enum.
 */
public record OlderName(String from, String to, Map<String, JsonNode> values, boolean negate, Origin origin) {
    public OlderName {
        values = values == null ? null : Map.copyOf(values);
    }
}
