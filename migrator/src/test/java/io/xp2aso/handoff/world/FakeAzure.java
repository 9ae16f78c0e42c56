package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Azure in memory: resources by ARM ID (case-insensitive), and a log of every PUT and DELETE with who sent it. */
public final class FakeAzure {
    public record Op(String method, String id, String writer, boolean created, long tick) {
    }

    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final List<Op> log = new ArrayList<>();
    private final Map<String, ObjectNode> beforeAso = new LinkedHashMap<>();
    private long tick;

    void setTick(long t) {
        tick = t;
    }

    /** Seeds a resource that exists before the handoff (not logged). */
    public void seed(String id, ObjectNode properties) {
        resources.put(key(id), properties.deepCopy());
        ids.put(key(id), id);
    }

    public Optional<ObjectNode> get(String id) {
        ObjectNode r = resources.get(key(id));
        return Optional.ofNullable(r == null ? null : r.deepCopy());
    }

    public void put(String id, ObjectNode properties, String writer) {
        boolean created = !resources.containsKey(key(id));
        if (!created && writer.equals("aso") && !beforeAso.containsKey(key(id))) {
            beforeAso.put(key(id), resources.get(key(id)).deepCopy());
        }
        resources.put(key(id), properties.deepCopy());
        ids.putIfAbsent(key(id), id);
        log.add(new Op("PUT", id, writer, created, tick));
    }

    public void delete(String id, String writer) {
        resources.remove(key(id));
        log.add(new Op("DELETE", id, writer, false, tick));
    }

    /** A resource's properties just before ASO's first PUT to it; empty when ASO never wrote it. */
    public Optional<ObjectNode> beforeAso(String id) {
        ObjectNode r = beforeAso.get(key(id));
        return Optional.ofNullable(r == null ? null : r.deepCopy());
    }

    public List<Op> log() {
        return List.copyOf(log);
    }

    public Map<String, ObjectNode> all() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        resources.forEach((k, v) -> out.put(ids.get(k), v.deepCopy()));
        return out;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
