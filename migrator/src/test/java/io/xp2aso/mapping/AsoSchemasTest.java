package io.xp2aso.mapping;

import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ASO CRD digest packaged with the catalog (what migrate's strict gate checks without a cluster) holds every
 * version of every ASO kind the built-in catalog can write, exactly as the reference CRDs give it. After adding a
 * mapping or a version, regenerate it with {@code -Dxp2aso.updateSchemas=true} and review the diff.
 */
class AsoSchemasTest {
    static final Path DIGEST = Shared.repoRoot().resolve("migrator/src/main/resources/" + AsoSchemas.RESOURCE);

    @Test
    void theDigestHoldsEveryWrittenKindAsTheReferenceCrdsGiveIt() throws Exception {
        CrdStore crds = new CrdStore(Shared.reference().resolve("aso/crds"));
        SortedSet<String> gvks = new TreeSet<>();
        for (KindMapping m : Fixtures.builtIn().entries()) {
            for (TargetSpec t : m.targets()) {
                for (String v : t.allVersions()) {
                    gvks.add(t.group() + "/" + v + "/" + t.kind());
                }
            }
        }
        for (String gvk : gvks) {
            String[] p = gvk.split("/");
            assertTrue(crds.schema(p[0], p[2], p[1]).isPresent(), gvk + " is written by the catalog but has no reference CRD");
        }
        String expected = AsoSchemas.digest(crds, gvks);
        if (Boolean.getBoolean("xp2aso.updateSchemas")) {
            Files.writeString(DIGEST, expected);
        }
        String actual = Files.exists(DIGEST) ? Files.readString(DIGEST) : "";
        assertEquals(expected, actual, DIGEST + " is not current: regenerate it with mvn -B -o -q -pl migrator test"
                + " -Dtest=AsoSchemasTest -Dxp2aso.updateSchemas=true and review the diff");
    }
}
