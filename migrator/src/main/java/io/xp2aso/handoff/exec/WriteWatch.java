package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A cluster that tells someone about every write (create, update, delete) it passes on, before and after it is
 * made, as "create KIND/NS/NAME", "update ...", "delete ..."; reads pass through untouched. The write budget waits
 * in {@code before}; the test world counts and crashes in {@code after}.
 */
public final class WriteWatch {
    private WriteWatch() {
    }

    public static Cluster around(Cluster c, Consumer<String> before, Consumer<String> after) {
        return new Cluster() {
            @Override
            public Optional<ObjectNode> get(ObjectRef ref) {
                return c.get(ref);
            }

            @Override
            public ObjectNode create(ObjectNode object) {
                String what = "create " + ObjectRef.of(object).display();
                before.accept(what);
                ObjectNode r = c.create(object);
                after.accept(what);
                return r;
            }

            @Override
            public ObjectNode update(ObjectNode object) {
                String what = "update " + ObjectRef.of(object).display();
                before.accept(what);
                ObjectNode r = c.update(object);
                after.accept(what);
                return r;
            }

            @Override
            public void delete(ObjectRef ref) {
                String what = "delete " + ref.display();
                before.accept(what);
                c.delete(ref);
                after.accept(what);
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
}
