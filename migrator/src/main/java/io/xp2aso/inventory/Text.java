package io.xp2aso.inventory;

/** Makes cluster-supplied text safe to keep and print: no control characters, bounded length. */
final class Text {
    private Text() {
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Control characters would break XHTML and terminals; surrogates are kept only as valid pairs.
            if (c == '\n' || c == '\t' || c == '\r') {
                b.append(' ');
            } else if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                continue;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    b.append(c).append(s.charAt(++i));
                }
            } else if (!Character.isLowSurrogate(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String clip(String s, int max) {
        String c = clean(s);
        return c.length() <= max ? c : c.substring(0, max) + "…";
    }
}
