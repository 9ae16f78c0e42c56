package io.xp2aso.inventory;

/**
 * One step of a Pipeline composition: the step name, the Function it runs (by Function object name) and whether its
 * input is a Go template xp2aso renders itself (function-go-templating with source Inline or Environment and no
 * template options).
 */
public record FunctionStep(String step, String functionRef, boolean nativeTemplate) {
    public FunctionStep(String step, String functionRef) {
        this(step, functionRef, false);
    }
}
