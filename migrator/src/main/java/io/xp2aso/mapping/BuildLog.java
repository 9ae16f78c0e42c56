package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One ASO object built ahead, on any core, with every change the build made to slots (findings, completed and
 * unmapped paths, targets it activated, in this one's slot or another's) held back. The map stage applies them when
 * its sequential pass reaches that build, so the result is the same as building there.
 */
final class BuildLog {
    private final List<Runnable> changes = new ArrayList<>();
    private ObjectNode built;
    private RuntimeException failure;

    void add(Runnable change) {
        changes.add(change);
    }

    void built(ObjectNode object) {
        built = object;
    }

    void failed(RuntimeException e) {
        failure = e;
    }

    boolean failed() {
        return failure != null;
    }

    /** Applies the held-back changes in the order they were made and returns the object (or throws what the build threw). */
    ObjectNode replay() {
        changes.forEach(Runnable::run);
        if (failure != null) {
            throw failure;
        }
        return built;
    }
}
