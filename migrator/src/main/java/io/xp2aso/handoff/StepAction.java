package io.xp2aso.handoff;

/** What a plan step does; the executor has one implementation per action. Ids in plan.json are the lower-case, dashed names. */
public enum StepAction {
    PREFLIGHT, GITOPS_PROTECT, PAUSE, ORPHAN, APPLY_ASO_SKIP, VERIFY_ASO, CAPZ_ADOPT, PREVIEW, MANAGE, VERIFY_MANAGED,
    GITOPS_ADD_ASO, GITOPS_REMOVE_CLAIM, RETIRE, FINAL_VERIFY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
