package io.xp2aso.source;

/** Bad input: the CLI prints {@code error: FILE:LINE: message} and exits 2. */
public class InputException extends RuntimeException {
    private final Origin origin;

    public InputException(Origin origin, String message) {
        super(message);
        this.origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public InputException(Origin origin, String message, Throwable cause) {
        super(message, cause);
        this.origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public Origin origin() {
        return origin;
    }

    /** The one-line form printed on standard error. */
    public String render() {
        return "error: " + origin + ": " + getMessage();
    }
}
