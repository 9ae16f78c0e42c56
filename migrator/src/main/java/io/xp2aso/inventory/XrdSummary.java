package io.xp2aso.inventory;

import java.util.List;

/** A CompositeResourceDefinition: the XR kind it defines, its claim kind ("" when none) and served versions. */
public record XrdSummary(String name, String group, String xrKind, String claimKind, String scope,
                         List<String> servedVersions, List<ConditionSummary> conditions) {
    public XrdSummary {
        servedVersions = List.copyOf(servedVersions);
        conditions = List.copyOf(conditions);
    }
}
