package io.xp2aso.compose;

import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Unit;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** function-go-templating with source: FileSystem, its templates found in the sources (compose/filesystem). */
class GoTemplateFileSystemTest {
    private static Unit compose(String... files) throws URISyntaxException {
        Path dir = Path.of(GoTemplateFileSystemTest.class.getResource("/compose/filesystem").toURI());
        List<String> paths = java.util.Arrays.stream(files).map(f -> dir.resolve(f).toString()).toList();
        Estate estate = new Estate(SourceReader.read(paths, new ByteArrayInputStream(new byte[0])));
        return new Composer().compose(estate, ObservedIndex.EMPTY).units().get(0);
    }

    @Test
    void templatesMountedFromAConfigMapOfTheSourcesRender() throws Exception {
        Unit u = compose("composition.yaml", "functions.yaml", "templates.yaml");
        assertEquals(List.of("group-0", "group-1", "shared"), u.resources().stream().map(ComposedResource::resourceName).toList());
        assertEquals("westeurope", u.resources().get(2).object().path("spec").path("forProvider").path("location").asText());
        assertTrue(u.findings().stream().noneMatch(f -> f.code().equals("unsupported-function")), u.findings().toString());
    }

    @Test
    void withoutTheConfigMapTheStepIsNotRunAndSaysWhy() throws Exception {
        Unit u = compose("composition.yaml", "functions.yaml");
        assertTrue(u.findings().stream().anyMatch(f -> f.code().equals("unsupported-function")
                && f.message().contains("ConfigMap templates is not in the sources")), u.findings().toString());
    }
}
