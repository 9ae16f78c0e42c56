package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The map stage's last step for each MR, once every build and merge is done: its targets in order, then what it
 * accounts for — unmapped and ignored fields, drift, observed completion, and lists Azure replaces as a whole that
 * nothing gave. Reads only its own slot, so every slot is finished at once.
 */
final class Accounting {
    static final String WHOLE_LIST_UNKNOWN = "whole-list-unknown";

    private Accounting() {
    }

    static void finish(Slot s, Set<String> consumed) {
        if (s.mapping != null && !s.mapping.isMerge()) {
            for (TargetSpec t : s.mapping.targets()) {
                if (!t.forEach().isEmpty()) {
                    s.targets.addAll(s.eachBuilt.getOrDefault(t.id(), List.of()));
                } else if (s.built.containsKey(t.id())) {
                    s.targets.add(s.built.get(t.id()));
                }
            }
        }
        if (s.mapping == null || s.noObject) {
            // No object (--observe-only none): nothing is written, so no field can be lost.
            return;
        }
        wholeLists(s);
        Map<String, JsonNode> leafValues = new TreeMap<>(LeafPaths.values(s.initProvider()));
        leafValues.putAll(LeafPaths.values(s.forProvider()));
        Set<String> leaves = new TreeSet<>(leafValues.keySet());
        for (String leaf : leaves) {
            JsonNode v = leafValues.get(leaf);
            // An empty block (`redisConfiguration: {}`) sets nothing; it is accounted for when rules read inside it.
            boolean emptyBlock = v.isContainerNode() && v.isEmpty() && ConsumedPaths.readsInside(consumed, leaf);
            if (!ConsumedPaths.covers(consumed, leaf) && !emptyBlock) {
                s.unmapped.add(leaf);
            }
        }
        // Named as the MR wrote them: an older field name stays the older name.
        Map<String, String> written = new TreeMap<>();
        s.unmapped.forEach(u -> written.put(s.asWritten(u), u));
        s.unmapped.clear();
        s.unmapped.addAll(written.keySet());
        for (Map.Entry<String, String> w : written.entrySet()) {
            String u = w.getValue();
            // Whether ASO has a field for it is not known here: only that no rule of the mapping writes it, or that
            // its rule could not (an unresolved reference, a value the rule cannot convert, said by its own finding).
            boolean ruled = consumed != null && ConsumedPaths.covers(consumed, u);
            s.finding(new Finding(Severity.UNMAPPED, "unmapped-field", "forProvider." + w.getKey()
                    + (w.getKey().equals(u) ? "" : " (the older field name of " + u + ")")
                    + (ruled ? " is not carried over: the rule of the mapping of " + s.kind + " (" + s.mapping.origin().file()
                            + ") that maps it could not write its value (see the reference-unresolved or value-not-mapped finding)"
                            : " is not carried over: no rule of the mapping of " + s.kind + " (" + s.mapping.origin().file()
                            + ") maps it to an ASO field")
                    + UnmappedOutcome.SEPARATOR + UnmappedOutcome.of(s.observed != null, s.atProvider(), u),
                    s.resource.origin(), s.subject()));
        }
        for (IgnoreSpec i : s.mapping.ignore()) {
            boolean set = leaves.stream().anyMatch(l -> FieldPath.isUnder(l, i.path()));
            if (set) {
                s.finding(new Finding(i.severity(), "ignored-field", "forProvider." + i.path()
                        + " is not migrated: " + i.reason(), s.resource.origin(), s.subject()));
            }
        }
        if (s.observed != null) {
            for (Drift.Difference d : Drift.compare(s.forProvider(), s.atProvider())) {
                s.finding(Finding.warning("drift", "forProvider." + d.path() + " asks for `" + d.desired()
                        + "` but Azure has `" + d.observed() + "` (status.atProvider)", s.resource.origin(), s.subject()));
            }
        }
        Set<String> completed = new LinkedHashSet<>(s.completed);
        if (!completed.isEmpty() && !s.targets.isEmpty()) {
            s.finding(Finding.info("observed-completion", "taken from Azure (status.atProvider) because the "
                    + "Composition leaves them to defaults: " + String.join(", ", new TreeSet<>(completed)),
                    s.resource.origin(), s.subject()));
        }
    }

    /**
     * Lists Azure replaces as a whole on ASO's PUT: without the observed state, the sources (forProvider, merged MRs)
     * must give them, or ASO would replace the live list (a Key Vault's access policies) with nothing.
     */
    private static void wholeLists(Slot s) {
        if (s.observed != null || s.mapping.isMerge()) {
            return;
        }
        for (TargetSpec t : s.mapping.targets()) {
            ObjectNode built = s.built.get(t.id());
            if (built == null || t.wholeLists().isEmpty()) {
                continue;
            }
            for (WholeListSpec w : t.wholeLists()) {
                if (w.missingFrom(built.path("spec"))) {
                    s.finding(Finding.error(WHOLE_LIST_UNKNOWN, t.kind() + " spec." + w.path() + " is a list Azure "
                            + "replaces as a whole when ASO PUTs the resource, and neither the sources nor the observed "
                            + "state give it: ASO would replace the live list with an empty one. Run migrate with "
                            + "--observed (or --from-cluster) so the live list is carried over; the unit is blocked until then",
                            s.resource.origin(), s.subject()));
                }
            }
        }
    }
}
