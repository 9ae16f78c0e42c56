package io.xp2aso.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `.json` files (kubectl get -o json) go through the JSON parser; what is not JSON is still read as YAML. */
class JsonFileReadTest {
    private static final String LIST = """
            {
              "apiVersion": "v1",
              "kind": "List",
              "items": [
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"n": "1"}},
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}
              ]
            }
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "c"}}
            """;

    @Test
    void jsonListsAndStreamsReadLikeYaml() {
        SourceReader json = new SourceReader();
        json.readText("live.json", LIST);
        // YAML has no concatenated documents without "---": compare the List alone.
        SourceReader yaml = new SourceReader();
        yaml.readText("live.yaml", LIST.substring(0, LIST.indexOf("\n{") + 1));
        List<Manifest> a = json.result().manifests();
        List<Manifest> b = yaml.result().manifests();
        assertEquals(List.of("a", "b", "c"), a.stream().map(Manifest::name).toList());
        assertEquals(b.stream().map(m -> m.node().toString()).toList(),
                a.subList(0, 2).stream().map(m -> m.node().toString()).toList());
        assertEquals(9, a.get(2).origin().line());
        assertEquals("live.json", a.get(0).origin().file());
    }

    @Test
    void aJsonFileThatIsYamlIsReadAsYamlAndErrorsNameTheLine() {
        SourceReader r = new SourceReader();
        r.readText("odd.json", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        assertEquals("x", r.result().manifests().get(0).name());
        InputException e = assertThrows(InputException.class,
                () -> new SourceReader().readText("bad.json", "{\"apiVersion\": \"v1\",\n  \"kind\": [unclosed\n"));
        assertEquals("bad.json", e.origin().file());
        assertTrue(e.origin().line() >= 2, e.render());
        assertTrue(e.getMessage().startsWith("malformed YAML"), e.getMessage());
    }
}
