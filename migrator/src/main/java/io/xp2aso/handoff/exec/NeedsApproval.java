package io.xp2aso.handoff.exec;

import java.util.List;

/** A step stopped for a person: a takeover preview, accepted drift, or a Git change to confirm. */
public class NeedsApproval extends RuntimeException {
    private final List<String> lines;

    public NeedsApproval(String message, List<String> lines) {
        super(message);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
