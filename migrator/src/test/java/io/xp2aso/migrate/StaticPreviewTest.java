package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The takeover preview at migrate time (#13.6): for an MR whose observed atProvider differs from what the generated
 * spec would PUT, the changes are in report.md, report.json and plan.md, so a reviewer sees them in the pull request.
 */
class StaticPreviewTest {
    static MigrationRun run(boolean edit) {
        Path root = Shared.repoRoot();
        var sources = SourceReader.read(List.of(root.resolve("samples/crossplane").toString()), null);
        List<Manifest> live = SourceReader.read(List.of(root.resolve("samples/observed/observed.yaml").toString()), null)
                .manifests();
        if (edit) {
            for (Manifest m : live) {
                if (m.kind().equals("Account") && m.name().equals("team-a-assets-7xk2p-j2zgm")) {
                    ObjectNode tags = m.node().with("status").with("atProvider").with("tags");
                    tags.put("cost-center", "42");
                    tags.put("environment", "PROD");
                }
            }
        }
        MigrateOptions options = MigrateOptions.defaults().withObserved(new ObservedIndex(live))
                .withPaths(new DisplayPaths(root));
        return MigrationPipeline.standard().run(sources, options);
    }

    @Test
    void changesTheFirstPutWouldMakeAreInTheReportsAndThePlan() {
        String removed = "StorageAccount team-a/team-a-assets-account: remove tags[\\\"cost-center\\\"] (live \\\"42\\\")";
        String changed = "StorageAccount team-a/team-a-assets-account: change tags[\\\"environment\\\"]: live \\\"PROD\\\", the PUT sends \\\"prod\\\"";
        MigrationRun before = run(false);
        MigrationRun after = run(true);
        for (String file : List.of("report.md", "report.json", "handoff/units/team-a/team-a-assets.md")) {
            String text = after.files().get(file);
            String plain = file.endsWith(".json") ? text : text.replace("\"", "\\\"");
            assertTrue(plain.contains(removed), file + " shows the tag the PUT drops");
            assertTrue(plain.contains(changed), file + " shows the tag whose case the PUT changes");
            String was = before.files().get(file);
            assertFalse(was.contains("tags[\\\"cost-center\\\"]") || was.contains("tags[\"cost-center\"]"), file);
        }
    }
}
