package io.xp2aso.compose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names Crossplane generates in the cluster, made deterministic here when the cluster's choice is unknown:
 * a claim's XR ({@code <claim>-<5 chars>}, Kubernetes' alphabet) and a composed resource
 * ({@code <XR>-<12 hex of sha256(XR UID or name + resource name)>}, Crossplane v2's scheme).
 */
final class Names {
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int MAX = 63;

    private Names() {
    }

    /** generateName-style suffix: 5 characters of Kubernetes' alphabet derived from the seed. */
    static String generated(String prefix, String seed) {
        byte[] h = sha256(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(ALPHABET.charAt((h[i] & 0xFF) % ALPHABET.length()));
        }
        String p = prefix.length() > MAX - 5 ? prefix.substring(0, MAX - 5) : prefix;
        return p + sb;
    }

    /** Crossplane v2's ChildName: the parent name truncated to fit, a dash, 12 hex characters of the hash. */
    static String child(String parent, String uidOrName, String resourceName) {
        String hash = HexFormat.of().formatHex(sha256(uidOrName + resourceName)).substring(0, 12);
        String p = parent;
        if (p.length() + 1 + hash.length() > MAX) {
            p = p.substring(0, MAX - 1 - hash.length());
        }
        return p + "-" + hash;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
