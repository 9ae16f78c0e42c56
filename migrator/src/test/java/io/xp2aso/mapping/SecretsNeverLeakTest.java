package io.xp2aso.mapping;

import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secret values (from the observed Secret) appear nowhere in the output; Secrets are named, never read. */
class SecretsNeverLeakTest {
    @Test
    void noSecretValueInObjectsOrFindings() throws Exception {
        ObservedIndex live = Fixtures.observed("observed-live.yaml");
        String encoded = live.all().stream().filter(m -> m.kind().equals("Secret")).findFirst().orElseThrow()
                .node().path("data").path("attribute.primary_access_key").asText();
        String plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String fixture : new String[]{"observed-claim.yaml", "storage-claim.yaml"}) {
            MappingResult r = Mapper.map(Fixtures.compose(fixture, live), Fixtures.builtIn(), live, MapOptions.defaults());
            for (MappedUnit u : r.units()) {
                for (MappedResource m : u.resources()) {
                    for (var t : m.targets()) {
                        out.append(Yaml.YAML.writeValueAsString(t));
                    }
                    m.findings().forEach(f -> out.append(f.message()).append('\n'));
                }
            }
        }
        String all = out.toString();
        assertTrue(all.contains("attribute.primary_access_key"), "the key is named");
        assertTrue(all.contains("name: web-storage"), "the Secret is named");
        assertFalse(all.contains(encoded), "base64 value leaked");
        assertFalse(all.contains(plain), "plain value leaked");
    }
}
