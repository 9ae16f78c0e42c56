package io.xp2aso.migrate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #13.9 at plan time, on the samples: each claim writes a connection Secret its applications read; no ASO resource
 * of the unit writes a Secret of that name, so retire would leave the consumers without it: the unit is blocked with
 * a finding that names the Secret and says what to do. The MRs' own Secrets are listed with their ASO replacement.
 */
class ConnectionSecretsPlanTest {
    @Test
    void aClaimSecretNothingReplacesBlocksTheUnit() {
        MigrationRun run = SamplesTest.runSamples();
        String index = run.files().get("handoff/plan.md");
        assertTrue(index.contains("| [`team-a/team-a-assets`](units/team-a/team-a-assets.md) | claim |"), index);
        assertTrue(index.contains("**blocked**: connection Secret team-a/team-a-assets-storage"), index);
        String md = run.files().get("handoff/units/team-a/team-a-assets.md");
        assertTrue(md.contains("connection Secret team-a/team-a-assets-storage of the claim StorageBucket/team-a/team-a-assets "
                + "has no replacement"), md);
        assertTrue(md.contains("Secret crossplane-system/0f6b2d8e-93c4-4a51-b7e2-6c1d9a4f3e21-storage (written for MR "
                + "Account/team-a-assets-7xk2p-j2zgm): replaced by Secret team-a/0f6b2d8e-93c4-4a51-b7e2-6c1d9a4f3e21-storage"), md);
        assertFalse(md.contains(SamplesTest.SECRET_VALUE));
    }
}
