package io.xp2aso.diff;

/**
 * A change of a pull request that Crossplane turns into an Azure delete or a delete-and-create when it merges:
 * a composed resource or claim removed, an MR renamed, or an immutable property (name, location, parent) changed.
 * {@code resource} names the MR ("Account team-a-assets-x (account)"), {@code azure} what it is in Azure (ARM ID,
 * else external name, else ""); {@code file}/{@code line} point at the head's source where it changed (the base's
 * when the head has no such file).
 */
public record DestructiveChange(Kind kind, String unit, String resource, String azure, String reason, String file,
                                int line) {
    public DestructiveChange {
        azure = azure == null ? "" : azure;
        file = file == null ? "" : file;
    }

    public enum Kind {
        /** The MR is gone at head and its policies let Crossplane delete the Azure resource. */
        DELETED("deleted"),
        /** The Azure resource is deleted and created again (renamed MR, changed name, location or parent). */
        REPLACED("replaced"),
        /** The unit no longer renders at head: whether its resources survive cannot be told from the sources. */
        UNVERIFIABLE("cannot be checked");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final String CODE = "destructive-change";

    /** One line for people: "Azure resource X (MR Y, unit U) is deleted: reason". */
    public String message() {
        String what = azure.isEmpty() ? resource : azure + " (" + resource + ")";
        return switch (kind) {
            case DELETED -> "Azure resource " + what + " of unit " + unit + " is deleted when this merges: " + reason;
            case REPLACED -> "Azure resource " + what + " of unit " + unit + " is deleted and created again when this "
                    + "merges: " + reason;
            case UNVERIFIABLE -> "Azure resource " + what + " of unit " + unit + " may be deleted when this merges: "
                    + reason;
        };
    }

    /** "file:line", "file", or "". */
    public String location() {
        if (file.isEmpty()) {
            return "";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
