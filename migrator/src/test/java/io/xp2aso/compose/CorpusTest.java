package io.xp2aso.compose;

import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The public composition corpus in ../shared: every Composition compiles, and every claim or XR example whose
 * Composition is patch-and-transform (legacy or function) renders without errors into composed resources.
 */
class CorpusTest {
    /**
     * Examples Crossplane itself cannot render, with the error it gives. environment-factory's VirtualNetwork base has
     * {@code resourceGroupNameSelector.matchLabels:} with no value (null): crossplane-runtime refuses to write a
     * label through a null ("is not an object"), and function-patch-and-transform makes that fatal.
     */
    static final java.util.Map<String, String> CROSSPLANE_FAILS = java.util.Map.of(
            "app-team-a/devenv123", "spec.forProvider.resourceGroupNameSelector.matchLabels is not an object",
            // kubernetesVersion: 1.29 unquoted is a YAML number; the XRD says string, so the API server rejects the claim.
            "default/bjdaks05", "spec.parameters.kubernetesVersion must be a string",
            // Its Composition reads EnvironmentConfig azure-environment, which the repository does not include
            // (GoTemplatingCorpusTest renders it with one).
            "default/azurestorage-sample", "EnvironmentConfig \"azure-environment\" not found");

    static List<Path> repos() throws IOException {
        try (Stream<Path> s = Files.list(Shared.corpus())) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    static Estate estate(Path repo) {
        return new Estate(SourceReader.read(List.of(repo.toString()), System.in));
    }

    @TestFactory
    Stream<DynamicTest> everyCompositionLoads() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path repo : repos()) {
            for (Manifest m : estate(repo).all(ObjectKind.COMPOSITION)) {
                tests.add(DynamicTest.dynamicTest(repo.getFileName() + " " + m.name(),
                        () -> CompiledComposition.compile(new CompositionDef(m))));
            }
        }
        assertFalse(tests.isEmpty(), "the corpus has Compositions");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyPatchAndTransformExampleRenders() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path repo : repos()) {
            Estate estate = estate(repo);
            ComposeResult result = new Composer().compose(estate, ObservedIndex.EMPTY);
            for (Unit u : result.units()) {
                if (u.composite() == null) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(repo.getFileName() + " " + u.id() + " via " + u.composition(), () -> check(estate, u)));
            }
        }
        return tests.stream();
    }

    private static final Set<String> HANDOFF_BLOCKERS = Set.of("non-azure-composed-resource", "unrendered-composed-resource");

    private static void check(Estate estate, Unit u) {
        // Handoff blockers (a composed object the handoff cannot take over) are not render failures: the unit rendered.
        List<String> errors = u.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> !HANDOFF_BLOCKERS.contains(f.code()))
                .map(f -> f.code() + ": " + f.message()).toList();
        if (u.composition().isEmpty()) {
            // Selection failed: only acceptable when the corpus example really is ambiguous or lacks its Composition.
            assertTrue(u.findings().stream().anyMatch(f -> f.code().startsWith("composition-") || f.code().equals("ambiguous-composition")),
                    "no composition and no selection finding: " + u.findings());
            return;
        }
        CompiledComposition cc = CompiledComposition.compile(estate.compositionsNamed(u.composition()).get(0));
        boolean patchAndTransform = !cc.pipeline() || cc.steps().stream().noneMatch(s -> s instanceof Step.Unsupported us && us.composes());
        if (!patchAndTransform) {
            // Functions xp2aso does not run are named; an earlier step may already fail as it would in Crossplane
            // (e.g. an EnvironmentConfig the corpus does not include).
            assertTrue(u.findings().stream().map(Finding::code)
                    .anyMatch(c -> c.equals("unsupported-function") || c.equals("render-failed")), u.findings().toString());
            return;
        }
        String known = CROSSPLANE_FAILS.get(u.id());
        if (known != null) {
            assertTrue(errors.stream().anyMatch(e -> e.contains(known)), "expected the error Crossplane gives (" + known + "), got " + errors);
            return;
        }
        if (!errors.isEmpty()) {
            fail("render errors: " + errors);
        }
        assertFalse(u.resources().isEmpty(), "rendered no resources: " + u.findings());
        u.resources().forEach(r -> assertFalse(r.object().path("metadata").path("name").asText("").isEmpty()));
    }

    @Test
    void corpusExamplesAreFound() throws IOException {
        int units = 0;
        for (Path repo : repos()) {
            units += (int) new Composer().compose(estate(repo), ObservedIndex.EMPTY).units().stream()
                    .filter(u -> u.composite() != null).count();
        }
        assertTrue(units >= 10, "expected the corpus's example claims and XRs, found " + units);
    }
}
