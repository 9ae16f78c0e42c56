package io.xp2aso.handoff;

import io.xp2aso.mapping.ObserveOnly;

import java.util.List;

/**
 * The reconcile-policy an ASO resource keeps once the handoff is done, from what its MR allowed Crossplane to do.
 * ASO's policies (guide/annotations.md; annotations/reconcile_policy.go: AllowsModify for manage and
 * detach-on-delete, AllowsDelete for manage only):
 * <ul>
 *   <li>an MR whose managementPolicies hold no write (no "*", Create or Update: Observe-only, possibly with
 *   LateInitialize or Delete) maps to {@code skip} for good: ASO only GETs, never PUTs, and deleting the ASO object
 *   leaves the Azure resource alone. {@code detach-on-delete} would not do: it also never deletes, but it PUTs the
 *   whole spec, writing onto a resource Crossplane only observed (a shared resource group, a hub network);</li>
 *   <li>an MR that writes but would never delete the resource (deletionPolicy Orphan, or policies without Delete)
 *   maps to {@code detach-on-delete}: ASO PUTs as Crossplane did, and deleting the ASO object leaves Azure alone;</li>
 *   <li>any other MR maps to {@code manage}.</li>
 * </ul>
 */
public final class HandoverPolicy {
    private HandoverPolicy() {
    }

    public static String of(ManagedHandoff mr) {
        if (!ObserveOnly.writes(mr.managementPolicies())) {
            return Keys.POLICY_SKIP;
        }
        return deletes(mr) ? Keys.POLICY_MANAGE : Keys.POLICY_DETACH;
    }

    /**
     * Whether deleting the MR deletes the Azure resource: crossplane-runtime's resolver, v2 MRs by their policies
     * alone, legacy MRs by deletionPolicy and policies (with management policies enabled).
     */
    static boolean deletes(ManagedHandoff mr) {
        List<String> p = mr.managementPolicies();
        boolean hasDelete = p.contains("Delete") || p.contains("*");
        if (mr.namespacedV2()) {
            return hasDelete;
        }
        boolean deletePolicy = !"Orphan".equals(mr.deletionPolicy());
        return deletePolicy && hasDelete || !p.equals(List.of("*")) && p.contains("Delete");
    }

    /** The stricter of two policies, for an ASO object several MRs fold into. */
    static String stricter(String a, String b) {
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(String policy) {
        return switch (policy) {
            case Keys.POLICY_SKIP -> 0;
            case Keys.POLICY_DETACH -> 1;
            default -> 2;
        };
    }
}
