package io.xp2aso.mapping;

import java.util.List;
import java.util.Locale;

/**
 * What an MR that only observes its Azure resource becomes (migrate --observe-only): its management policies hold
 * no write (no "*", Create or Update), so Crossplane never PUT to the resource (a shared resource group, a hub
 * network another team owns).
 * <ul>
 *   <li>{@code skip-object} (the default): an ASO object that stays reconcile-policy skip for good (ASO only GETs and
 *   shows status; deleting it leaves Azure alone);</li>
 *   <li>{@code none}: no ASO object at all; the objects that refer to it (its children's owner, references) name
 *   it by ARM ID, so nothing in ASO can ever write or delete it.</li>
 * </ul>
 */
public enum ObserveOnly {
    SKIP_OBJECT("skip-object"),
    NONE("none");

    private final String label;

    ObserveOnly(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of a flag ("skip-object" or "none"); null when it is neither. */
    public static ObserveOnly parse(String s) {
        for (ObserveOnly o : values()) {
            if (o.label.equals(s == null ? "" : s.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        return null;
    }

    /** Whether management policies let Crossplane write the Azure resource (empty means the default "*"). */
    public static boolean writes(List<String> policies) {
        return policies.isEmpty() || policies.contains("*") || policies.contains("Create") || policies.contains("Update");
    }
}
