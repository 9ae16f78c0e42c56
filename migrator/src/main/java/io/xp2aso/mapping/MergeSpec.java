package io.xp2aso.mapping;

import io.xp2aso.source.Origin;

import java.util.List;

/**
 * Several MRs into one ASO object: this kind's rules write into the target {@code target} of the MR found through
 * {@code via} (e.g. an AccessPolicy's keyVaultId into its Vault's {@code properties.accessPolicies}).
 */
public record MergeSpec(RefSpec via, List<RuleSpec> rules, Origin origin) {
    public MergeSpec {
        rules = List.copyOf(rules);
    }
}
