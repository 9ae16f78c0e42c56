package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workloads that read a connection Secret (an application mounting a claim's Secret, another MR reading it): each
 * remembers the keys the Secret had when it started reading and, after every round, needs the Secret to exist with
 * every one of them. A Secret deleted and written again later is a gap its readers see: a violation.
 */
public final class SecretConsumers {
    private final World world;
    private final Map<ObjectRef, List<String>> watched = new LinkedHashMap<>();

    SecretConsumers(World world) {
        this.world = world;
    }

    /** A consumer starts reading Secret {@code namespace/name}, which must exist now. */
    public void read(String namespace, String name) {
        ObjectRef ref = new ObjectRef("v1", "Secret", namespace, name);
        ObjectNode s = world.get(ref).orElseThrow(() -> new IllegalStateException("no Secret " + ref.display()));
        List<String> keys = new ArrayList<>();
        s.path("data").fieldNames().forEachRemaining(keys::add);
        watched.put(ref, keys);
    }

    void check() {
        for (Map.Entry<ObjectRef, List<String>> e : watched.entrySet()) {
            Optional<ObjectNode> s = world.api.get(e.getKey());
            if (s.isEmpty()) {
                world.violation("a consumer of Secret " + e.getKey().namespace() + "/" + e.getKey().name() + " found it gone");
                continue;
            }
            List<String> missing = new ArrayList<>(e.getValue());
            s.get().path("data").fieldNames().forEachRemaining(missing::remove);
            if (!missing.isEmpty()) {
                world.violation("a consumer of Secret " + e.getKey().namespace() + "/" + e.getKey().name() + " found it without keys " + missing);
            }
        }
    }
}
