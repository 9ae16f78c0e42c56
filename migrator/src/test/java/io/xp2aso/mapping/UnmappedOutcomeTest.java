package io.xp2aso.mapping;

import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each unmapped field's finding says what ASO's PUT does to it, from the observed status.atProvider when known. */
class UnmappedOutcomeTest {
    private static final String MR = """
            apiVersion: azure.upbound.io/v1beta1
            kind: ResourceGroup
            metadata:
              name: rg1
              annotations: {crossplane.io/external-name: rg1}
            spec:
              forProvider: {location: westeurope, managedBy: someone}
            """;

    private static String outcome(String live) throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-outcome");
        Files.writeString(dir.resolve("rg.yaml"), """
                source: {group: azure.upbound.io, kind: ResourceGroup}
                targets:
                  - id: rg
                    apiVersion: resources.azure.com/v1api20200601
                    kind: ResourceGroup
                    rules:
                      - {from: location, to: location}
                """);
        Path src = Files.createTempDirectory("xp2aso-outcome-src");
        Path mr = Files.writeString(src.resolve("mr.yaml"), MR);
        ObservedIndex observed = ObservedIndex.EMPTY;
        if (live != null) {
            Path obs = Files.writeString(src.resolve("observed.yml"), MR + "status:\n  atProvider: " + live + "\n");
            observed = new ObservedIndex(SourceReader.read(List.of(obs.toString()), new ByteArrayInputStream(new byte[0])).manifests());
        }
        MappedResource m = Mapper.map(Fixtures.composeFile(mr, observed), MappingCatalog.load(dir), observed, MapOptions.defaults())
                .units().get(0).resources().get(0);
        assertEquals(List.of("managedBy"), m.unmapped());
        List<String> msgs = m.findings().stream().filter(f -> f.code().equals("unmapped-field")).map(Finding::message).toList();
        assertEquals(1, msgs.size(), msgs.toString());
        assertTrue(msgs.get(0).startsWith("forProvider.managedBy is not carried over: no rule of the mapping of ResourceGroup"), msgs.get(0));
        return msgs.get(0).substring(msgs.get(0).indexOf("; ASO: ") + 7);
    }

    @Test
    void withoutObservedStateTheOutcomeIsUnknownAndSaysWhatToPass() throws Exception {
        assertTrue(outcome(null).contains("run with --observed"), outcome(null));
    }

    @Test
    void aLiveValueIsResetAndAnAbsentOneIsKept() throws Exception {
        assertEquals("reset to the API default: Azure has `someone` (status.atProvider) and the PUT omits it",
                outcome("{location: westeurope, managedBy: someone}"));
        assertEquals("kept: Azure has no value for it (status.atProvider), so the PUT changes nothing",
                outcome("{location: westeurope}"));
    }
}
