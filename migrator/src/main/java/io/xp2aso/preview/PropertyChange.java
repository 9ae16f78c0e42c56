package io.xp2aso.preview;

/**
 * One Azure property ASO's first PUT would change. {@code path} names the property below the resource's properties
 * ({@code sku.name}, {@code tags["env"]}, {@code securityRules[1].priority}); {@code text} says what happens to it.
 */
public record PropertyChange(String path, Kind kind, String text) {
    public enum Kind {
        /** Both sides have a value and they differ. */
        CHANGE,
        /** The spec sets a value Azure does not report now. */
        SET,
        /** A secret-backed, ConfigMap-backed or write-only value: written, never comparable. */
        WRITE,
        /** Azure has a settable value the spec leaves out: the PUT sends it absent. */
        OMIT,
        /** A map key or list item only the spec has. */
        ADD,
        /** A map key or list item only Azure has: the PUT drops it. */
        REMOVE
    }

    /** The line shown to the reviewer. */
    public String line() {
        return text;
    }

    /** {@code parent.key} for identifiers, {@code parent["key"]} for map keys and anything else. */
    public static String child(String parent, String key, boolean mapKey) {
        if (mapKey || !key.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String item(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** True when {@code path} is this change's property or lies below it. */
    public boolean covers(String path) {
        return path.equals(this.path) || path.startsWith(this.path + ".") || path.startsWith(this.path + "[");
    }
}
