package io.xp2aso.inventory;

import java.util.List;

/** An EnvironmentConfig: its name and the top-level keys of its data (never the values). */
public record EnvironmentConfigSummary(String apiVersion, String name, List<String> dataKeys) {
    public EnvironmentConfigSummary {
        dataKeys = List.copyOf(dataKeys);
    }
}
