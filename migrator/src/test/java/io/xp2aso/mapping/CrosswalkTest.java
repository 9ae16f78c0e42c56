package io.xp2aso.mapping;

import io.xp2aso.source.InputException;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crosswalk reader: per upjet group mapped / mappable / total, counted with the catalog's own hasMapping. */
class CrosswalkTest {
    @Test
    void countsMappedMappableAndTotalPerGroup() {
        Crosswalk cw = Crosswalk.read(Fixtures.resource("crosswalk/small.tsv"));
        assertEquals(6, cw.rows().size());
        assertEquals("StorageAccount spec.networkAcls", cw.rows().get(1).note());
        assertEquals(List.of(
                        new Crosswalk.GroupCount("alertsmanagement.azure.upbound.io", 0, 0, 1),
                        new Crosswalk.GroupCount("azure.upbound.io", 1, 1, 1),
                        // Account and AccountNetworkRules are mapped; NotYetMapped is mappable only; Blob has no ASO home.
                        new Crosswalk.GroupCount("storage.azure.upbound.io", 2, 3, 4)),
                cw.byGroup(Fixtures.builtIn()));
    }

    @Test
    void badFilesNameTheLine() {
        InputException noColumn = assertThrows(InputException.class, () -> Crosswalk.read(Fixtures.resource("crosswalk/no-match-column.tsv")));
        assertEquals(1, noColumn.origin().line());
        assertTrue(noColumn.getMessage().contains("no column `match`"), noColumn.getMessage());
        InputException shortLine = assertThrows(InputException.class, () -> Crosswalk.read(Fixtures.resource("crosswalk/short-line.tsv")));
        assertEquals(3, shortLine.origin().line());
        assertThrows(InputException.class, () -> Crosswalk.read(Path.of("/nonexistent/crosswalk.tsv")));
    }

    /** The real crosswalk: 290 kinds with an ASO home, every catalog kind among the 769 rows. */
    @Test
    void theReferenceCrosswalkCountsEveryMappableKind() {
        Crosswalk cw = Crosswalk.read(Shared.reference().resolve("notes/crosswalk/kind-crosswalk.tsv"));
        List<Crosswalk.GroupCount> groups = cw.byGroup(Fixtures.builtIn());
        assertEquals(769, groups.stream().mapToInt(Crosswalk.GroupCount::total).sum());
        assertEquals(290, groups.stream().mapToInt(Crosswalk.GroupCount::mappable).sum());
        assertEquals(Fixtures.builtIn().entries().size(), groups.stream().mapToInt(Crosswalk.GroupCount::mapped).sum(),
                "every mapped kind is a row of the crosswalk");
    }
}
