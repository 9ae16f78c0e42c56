package io.xp2aso.compose;

import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sources without the XRD: XRs are known through their Composition; claims get a warning saying what to add. */
class MissingXrdTest {
    private static ComposeResult compose(String... dirs) throws Exception {
        List<String> sources = new java.util.ArrayList<>();
        for (String d : dirs) {
            sources.add(Path.of(MissingXrdTest.class.getResource("/compose/" + d).toURI()).toString());
        }
        return new Composer().compose(new Estate(SourceReader.read(sources, System.in)), ObservedIndex.EMPTY);
    }

    @Test
    void anXrIsRecognisedByItsCompositionsTypeAndAClaimIsNamed() throws Exception {
        ComposeResult r = compose("no-xrd");
        assertEquals(List.of("_cluster/found-by-composition"), r.units().stream().map(Unit::id).toList());
        Unit xr = r.units().get(0);
        assertEquals("xclusters", xr.composition());
        assertEquals("[\"10.1.0.0/16\"]", xr.resources().get(0).object().path("spec").path("forProvider")
                .path("addressSpace").toString());
        List<Finding> warnings = r.findings().stream().filter(f -> f.code().equals("claim-without-xrd")).toList();
        assertEquals(1, warnings.size(), r.findings().toString());
        Finding w = warnings.get(0);
        assertEquals(Severity.WARNING, w.severity());
        assertEquals(11, w.origin().line());
        assertTrue(w.message().contains("Cluster/team/orphan-claim looks like a claim (it has spec.compositionRef)"), w.message());
        assertTrue(w.message().contains("spec.claimNames.kind is Cluster (spec.group example.org)"), w.message());
    }

    @Test
    void severalSourcesCombine() throws Exception {
        // Claims in one folder, the platform (XRD and Composition) in another: together the claim renders.
        ComposeResult r = compose("no-xrd", "no-xrd-platform");
        assertTrue(r.units().stream().anyMatch(u -> u.id().equals("team/orphan-claim") && u.composition().equals("xclusters")),
                r.units().stream().map(Unit::id).toList().toString());
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("claim-without-xrd")));
    }
}
