package io.xp2aso.model;

/** "1 claim", "2 claims": counts in messages people read. */
public final class Counts {
    private Counts() {
    }

    /** {@code n} and the noun, made plural with "s" unless {@code n} is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
