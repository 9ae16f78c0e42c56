package io.xp2aso.handoff.exec;

/**
 * Called around every step: {@code after} runs once the step's changes are made and verified but before its completion
 * is saved. Tests abort the executor here to simulate a crash at every point.
 */
public interface ExecutorHooks {
    default void before(String unit, String step, boolean rollback) {
    }

    default void after(String unit, String step, boolean rollback) {
    }

    ExecutorHooks NONE = new ExecutorHooks() {
    };
}
