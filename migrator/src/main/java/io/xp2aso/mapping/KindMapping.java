package io.xp2aso.mapping;

import io.xp2aso.source.Origin;

import java.util.List;
import java.util.Optional;

/**
 * One mapping file: how one Crossplane MR kind becomes ASO objects ({@code targets}), or folds into another MR's
 * object ({@code mergeInto}), and which of its fields are deliberately left out ({@code ignore}).
 * {@code olderNames}: field names the same kind had in the original provider, renamed before the rules run.
 * {@code armIdPath}: how the MR's ARM ID is built when no observed one is known (appended to its parent's ID: the
 * primary target's owner, or the merge target), for references to MRs that have no ASO object of their own.
 * {@code group} is the cluster-scoped upjet group; the namespaced {@code .m.} group matches too.
 */
public record KindMapping(String group, String kind, List<String> versions, String description,
                          List<TargetSpec> targets, MergeSpec mergeInto, List<IgnoreSpec> ignore,
                          List<OlderName> olderNames, String armIdPath, Origin origin) {
    public KindMapping {
        olderNames = List.copyOf(olderNames);
        armIdPath = armIdPath == null ? "" : armIdPath;
        versions = List.copyOf(versions);
        targets = List.copyOf(targets);
        ignore = List.copyOf(ignore);
    }

    public String groupKind() {
        return group + "/" + kind;
    }

    public boolean isMerge() {
        return mergeInto != null;
    }

    public Optional<TargetSpec> target(String id) {
        if (id == null || id.isEmpty()) {
            return targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(0));
        }
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
