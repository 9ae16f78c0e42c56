package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The EnvironmentConfigs known to a run (from the sources and --environment files), indexed by name and label. */
public final class EnvironmentConfigs {
    public static final EnvironmentConfigs NONE = new EnvironmentConfigs(List.of());

    private final Map<String, Manifest> byName = new LinkedHashMap<>();
    private final Map<String, List<Manifest>> byLabel = new HashMap<>();
    private final List<Manifest> all;

    public EnvironmentConfigs(List<Manifest> configs) {
        this.all = List.copyOf(configs);
        for (Manifest m : configs) {
            byName.put(m.name(), m);
            JsonNode labels = m.node().path("metadata").path("labels");
            labels.fieldNames().forEachRemaining(k ->
                    byLabel.computeIfAbsent(k + "=" + labels.get(k).asText(), x -> new ArrayList<>()).add(m));
        }
    }

    public static boolean isEnvironmentConfig(Manifest m) {
        return m.group().equals("apiextensions.crossplane.io") && m.kind().equals("EnvironmentConfig");
    }

    public Manifest named(String name) {
        return byName.get(name);
    }

    /** Configs carrying every given label (all configs when there are no labels). */
    public List<Manifest> matching(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return all;
        }
        List<Manifest> smallest = null;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            List<Manifest> l = byLabel.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
            if (smallest == null || l.size() < smallest.size()) {
                smallest = l;
            }
        }
        List<Manifest> out = new ArrayList<>();
        for (Manifest m : smallest) {
            boolean ok = true;
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (!e.getValue().equals(m.label(e.getKey())) || !m.node().path("metadata").path("labels").has(e.getKey())) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                out.add(m);
            }
        }
        return out;
    }
}
