package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.FakeAzure;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.migrate.AsoTree;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.testutil.Kustomize;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #13.10 in the test world: the unit's aso/ folder, laid out by the real AsoTree and built by kustomize, is applied
 * the way `kubectl apply` / Argo CD applies it. Applied before the handoff, ASO never writes Azure; after the
 * handoff, the skip files would flip ASO back to skip (negative control), and with the handed-over Component enabled
 * ASO stays in manage.
 */
class HandedOverWorldTest {
    @TempDir
    Path dir;

    /** Client-side apply of what the file sets: annotations and labels merged, spec replaced; created when absent. */
    private static void apply(Harness h, List<ObjectNode> objects) {
        for (ObjectNode o : objects) {
            ObjectRef ref = ObjectRef.of(o);
            Optional<ObjectNode> live = h.world.get(ref);
            if (live.isEmpty()) {
                h.world.create(o.deepCopy());
                continue;
            }
            ObjectNode l = live.get();
            l.with("metadata").with("annotations").setAll((ObjectNode) o.path("metadata").path("annotations"));
            l.set("spec", o.path("spec").deepCopy());
            h.world.executorCluster().update(l);
        }
    }

    @Test
    void skipFilesNeverWriteAndTheHandedOverFilesKeepManage() throws Exception {
        Assumptions.assumeTrue(Kustomize.available(), "kubectl (with its kustomize) is not installed: skipped");
        Harness h = new Harness(Files.createDirectory(dir.resolve("state")), "storage.yaml");
        try (h.world) {
            UnitPlan unit = h.plan.units().get(0);
            MappedUnit fixture = h.units.get(0).mapped();
            // The plan's manifests are what the handoff applies; laid out by the same AsoTree as migrate's aso/.
            MappedResource all = new MappedResource(fixture.resources().get(0).source(),
                    unit.aso().stream().map(AsoTarget::manifest).toList(), List.of(), List.of());
            AsoTree.Layout layout = AsoTree.layout(new MappingResult(List.of(new MappedUnit(fixture.unit(), List.of(all))),
                    List.of()), new DisplayPaths(dir));
            Path out = Files.createDirectory(dir.resolve("out"));
            Kustomize.write(out, layout.files());
            List<ObjectNode> skipFiles = Kustomize.build(out.resolve("aso"));
            assertEquals(unit.aso().size(), skipFiles.size());

            apply(h, skipFiles);
            h.world.rounds(5);
            assertEquals(List.of(), h.world.azure.log().stream().filter(op -> op.writer().equals("aso")).map(FakeAzure.Op::id).toList(),
                    "applying aso/ before the handoff made ASO write");
            assertEquals(List.of(), h.world.violations());

            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());

            apply(h, skipFiles);
            h.world.rounds(2);
            for (AsoTarget t : unit.aso()) {
                assertEquals("skip", Kustomize.policy(h.world.get(t.ref()).orElseThrow()),
                        "negative control: the skip files flip ASO back once committed after the handoff");
            }

            String unitDir = layout.files().keySet().stream().filter(f -> f.endsWith("/handed-over/kustomization.yaml"))
                    .findFirst().orElseThrow().replace("/handed-over/kustomization.yaml", "");
            Files.writeString(out.resolve(unitDir + "/kustomization.yaml"), "components:\n  - handed-over\n",
                    StandardOpenOption.APPEND);
            apply(h, Kustomize.build(out.resolve("aso")));
            h.world.rounds(3);
            for (AsoTarget t : unit.aso()) {
                assertEquals("manage", Kustomize.policy(h.world.get(t.ref()).orElseThrow()), t.ref().display());
            }
            assertEquals(List.of(), h.endStateViolations());
        }
    }
}
