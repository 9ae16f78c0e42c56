package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.exec.Cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Acts between two of the executor's object writes, inside a step: after a write the server applied, a kill
 * ({@link Harness.Crash}) or a change by someone else (a controller, a person). Writes are described as
 * "create|update|delete Kind/[ns/]name" and counted from 1 over the world's life.
 */
public final class WriteHooks {
    private record Hook(Predicate<String> when, Runnable then) {
    }

    private final List<Hook> hooks = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private int crashAt;

    /** Runs {@code then} once, after the first write matching {@code when}. */
    public void after(Predicate<String> when, Runnable then) {
        hooks.add(new Hook(when, then));
    }

    /** Kills the executor right after its {@code n}-th write was applied (0: never). */
    public void crashAfterWrite(int n) {
        crashAt = n;
    }

    /** Every write so far, in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    Cluster wrap(Cluster c) {
        return new Cluster() {
            @Override
            public Optional<ObjectNode> get(ObjectRef ref) {
                return c.get(ref);
            }

            @Override
            public ObjectNode create(ObjectNode object) {
                ObjectNode r = c.create(object);
                written("create " + ObjectRef.of(object).display());
                return r;
            }

            @Override
            public ObjectNode update(ObjectNode object) {
                ObjectNode r = c.update(object);
                written("update " + ObjectRef.of(object).display());
                return r;
            }

            @Override
            public void delete(ObjectRef ref) {
                c.delete(ref);
                written("delete " + ref.display());
            }

            @Override
            public List<ObjectNode> list(String apiVersion, String kind, String namespace, String labelSelector) {
                return c.list(apiVersion, kind, namespace, labelSelector);
            }

            @Override
            public Optional<ObjectNode> crd(String group, String kind) {
                return c.crd(group, kind);
            }
        };
    }

    private void written(String what) {
        writes.add(what);
        for (Hook h : new ArrayList<>(hooks)) {
            if (h.when().test(what)) {
                hooks.remove(h);
                h.then().run();
            }
        }
        if (writes.size() == crashAt) {
            throw new Harness.Crash("after write " + crashAt + " (" + what + ")");
        }
    }
}
