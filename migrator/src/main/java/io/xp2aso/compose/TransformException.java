package io.xp2aso.compose;

/** A transform could not produce a value (wrong input type, unknown map key, no regexp match, ...). */
public class TransformException extends RenderException {
    public TransformException(String message) {
        super(message);
    }
}
