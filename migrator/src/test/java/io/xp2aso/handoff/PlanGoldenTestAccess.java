package io.xp2aso.handoff;

/** The golden fixture plan, for tests of other packages. */
public final class PlanGoldenTestAccess {
    private PlanGoldenTestAccess() {
    }

    public static Plan fixturePlan() {
        return PlanGoldenTest.fixturePlan();
    }
}
