package io.xp2aso.mapping;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The forProvider paths a mapping file accounts for: read by a rule (whole subtree when the value is used whole),
 * used by a reference (with its Ref/Refs/Selector siblings), or ignored with a reason. A leaf under none of them is
 * unmapped. Static, so that `mappings coverage` and the engine agree.
 */
public final class ConsumedPaths {
    private ConsumedPaths() {
    }

    public static Set<String> of(KindMapping m) {
        Set<String> out = new TreeSet<>();
        for (TargetSpec t : m.targets()) {
            String prefix = t.forEach();
            if (!t.azureName().from().isEmpty()) {
                out.add(FieldPath.join(prefix, t.azureName().from()));
            }
            if (t.owner() != null) {
                reference(t.owner(), "", out);
            }
            rules(t.rules(), prefix, out);
        }
        if (m.isMerge()) {
            reference(m.mergeInto().via(), "", out);
            rules(m.mergeInto().rules(), "", out);
        }
        for (IgnoreSpec i : m.ignore()) {
            // An ignored field's Ref/Selector helpers only resolve its value: they are left out with it.
            out.add(i.path());
            out.add(i.path() + "Ref");
            out.add(i.path() + "Refs");
            out.add(i.path() + "Selector");
        }
        return out;
    }

    /** Ignored paths alone (coverage counts them apart from mapped ones). */
    public static Set<String> ignored(KindMapping m) {
        Set<String> out = new TreeSet<>();
        m.ignore().forEach(i -> out.add(i.path()));
        return out;
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    private static void reference(RefSpec r, String prefix, Set<String> out) {
        // Fields read by the ARM ID template ({resourceGroupName}) are used too, and so are their Ref/Selector
        // helpers: a template field set by selector names the same parent the owner field's own selector finds.
        java.util.regex.Matcher m = PLACEHOLDER.matcher(r.armId());
        while (m.find()) {
            String key = m.group(1);
            if (!key.equals("value") && !key.equals("subscription")) {
                out.add(key);
                out.add(key + "Ref");
                out.add(key + "Selector");
            }
        }
        for (String f : r.from()) {
            String p = FieldPath.join(prefix, f);
            out.add(p);
            out.add(p + "Ref");
            out.add(p + "Refs");
            out.add(p + "Selector");
        }
    }

    private static void rules(List<RuleSpec> rules, String prefix, Set<String> out) {
        for (RuleSpec r : rules) {
            if (r.onlyIf() != null) {
                out.add(FieldPath.join(prefix, r.onlyIf().from()));
            }
            if (r.inItem() != null && !r.inItem().everyItem()) {
                out.add(FieldPath.join(prefix, r.inItem().from()));
            }
            if (r.via() != null) {
                reference(r.via(), prefix, out); // its `from` paths are the other MR's fields
                continue;
            }
            if (r.subResource() != null && !r.subResource().self()) {
                reference(r.subResource().parent(), "", out); // the parent is a field of the MR, not of the item
            }
            if (r.reference() != null) {
                reference(r.reference(), prefix, out);
            } else if (r.usesWholeValue()) {
                for (String f : r.from()) {
                    out.add(FieldPath.join(prefix, f));
                }
                if (r.from().isEmpty() && r.constValue() == null && !prefix.isEmpty()) {
                    out.add(prefix); // inside `each`: the list item itself
                }
            }
            String inner = r.from().isEmpty() ? prefix : FieldPath.join(prefix, r.from().get(0));
            if (r.each() != null) {
                rules(r.each(), inner, out);
            }
            if (r.fields() != null) {
                rules(r.fields(), inner, out);
            }
        }
    }

    /** True when some consumed path lies strictly below the path (the mapping reads inside that block). */
    public static boolean readsInside(Set<String> consumed, String path) {
        for (String c : consumed) {
            if (FieldPath.isInside(c, path)) {
                return true;
            }
        }
        return false;
    }

    /** True when the leaf path lies under one of the consumed paths. */
    public static boolean covers(Set<String> consumed, String leaf) {
        for (String c : consumed) {
            if (FieldPath.isUnder(leaf, c)) {
                return true;
            }
        }
        return false;
    }
}
