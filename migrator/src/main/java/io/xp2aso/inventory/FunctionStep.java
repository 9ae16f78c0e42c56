package io.xp2aso.inventory;

/** One step of a Pipeline composition: the step name and the Function it runs (by Function object name). */
public record FunctionStep(String step, String functionRef) {
}
