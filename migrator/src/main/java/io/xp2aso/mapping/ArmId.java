package io.xp2aso.mapping;

import java.util.Locale;

/** Small helpers for Azure resource IDs (/subscriptions/S/resourceGroups/RG/providers/NS/type/name/...). */
public final class ArmId {
    private ArmId() {
    }

    public static boolean looksLike(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).startsWith("/subscriptions/");
    }

    /** The last non-empty segment of an ID or URL (the resource's own name); the text itself when it has no '/'. */
    public static String lastSegment(String s) {
        String t = s;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        int slash = t.lastIndexOf('/');
        return slash < 0 ? t : t.substring(slash + 1);
    }

    /** The subscription ID of an ARM ID, or "" when it has none. */
    public static String subscription(String id) {
        if (!looksLike(id)) {
            return "";
        }
        String[] p = id.split("/");
        return p.length > 2 ? p[2] : "";
    }

    /** The resource group of an ARM ID, or "". */
    public static String resourceGroup(String id) {
        if (!looksLike(id)) {
            return "";
        }
        String[] p = id.split("/");
        for (int i = 0; i + 1 < p.length; i++) {
            if (p[i].equalsIgnoreCase("resourceGroups")) {
                return p[i + 1];
            }
        }
        return "";
    }

    /** The parent of a child resource ID (drops "/type/name"); "" when the ID is a subscription or resource group. */
    public static String parent(String id) {
        if (!looksLike(id)) {
            return "";
        }
        String t = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        int providers = t.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
        String[] parts = t.split("/");
        if (providers < 0) {
            // /subscriptions/S/resourceGroups/RG -> /subscriptions/S
            return parts.length >= 5 ? String.join("/", java.util.Arrays.copyOf(parts, 3)) : "";
        }
        String after = t.substring(providers + "/providers/".length());
        String[] a = after.split("/");
        // NS/type/name -> the resource group; NS/type/name/child/name -> NS/type/name
        if (a.length <= 3) {
            return t.substring(0, providers);
        }
        int cut = t.lastIndexOf('/', t.lastIndexOf('/') - 1);
        return t.substring(0, cut);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }
}
