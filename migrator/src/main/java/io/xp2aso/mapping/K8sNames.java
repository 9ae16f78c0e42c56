package io.xp2aso.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Kubernetes-safe names (DNS-1123 labels: lower-case alphanumerics and '-', at most 63, alphanumeric ends). */
public final class K8sNames {
    public static final int MAX = 63;
    // Compiled once: names are made for every MR and target of the estate.
    private static final java.util.regex.Pattern NOT_DNS = java.util.regex.Pattern.compile("[^a-z0-9-]+");
    private static final java.util.regex.Pattern DASHES = java.util.regex.Pattern.compile("-{2,}");
    private static final java.util.regex.Pattern NOT_LABEL = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]+");
    private static final java.util.regex.Pattern LABEL_ENDS =
            java.util.regex.Pattern.compile("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$");

    private K8sNames() {
    }

    /** A DNS-1123 label made from any text; too-long names keep a short hash of the full text so they stay unique. */
    public static String dns1123(String text) {
        return isDns1123(text) ? text : rewriteDns1123(text); // most names are already valid: no regex passes
    }

    static String rewriteDns1123(String text) {
        String s = DASHES.matcher(NOT_DNS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("-");
        s = trimDashes(s);
        if (s.isEmpty()) {
            s = "x" + shortHash(text);
        }
        if (s.length() > MAX) {
            String h = shortHash(text);
            s = trimDashes(s.substring(0, MAX - h.length() - 1)) + "-" + h;
        }
        return s;
    }

    /** A label value (at most 63 of [A-Za-z0-9-_.], alphanumeric ends), or "" when nothing is left. */
    public static String labelValue(String text) {
        return isLabelValue(text) ? text : rewriteLabelValue(text);
    }

    static String rewriteLabelValue(String text) {
        String s = NOT_LABEL.matcher(text).replaceAll("-");
        if (s.length() > MAX) {
            String h = shortHash(text);
            s = s.substring(0, MAX - h.length() - 1) + "-" + h;
        }
        return LABEL_ENDS.matcher(s).replaceAll("");
    }

    /** Already a DNS-1123 label, as {@link #dns1123} would leave it (no doubled dashes either). */
    static boolean isDns1123(String s) {
        int n = s.length();
        if (n == 0 || n > MAX || s.charAt(0) == '-' || s.charAt(n - 1) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s.charAt(i - 1) != '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Already a label value, as {@link #labelValue} would leave it. */
    static boolean isLabelValue(String s) {
        int n = s.length();
        if (n == 0 || n > MAX || !isAlnum(s.charAt(0)) || !isAlnum(s.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    public static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trimDashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }
}
