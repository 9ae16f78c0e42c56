package io.xp2aso.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.yaml.snakeyaml.LoaderOptions;

/** The shared, configured Jackson mappers: one for YAML in and out, one for JSON. */
public final class Yaml {
    private Yaml() {
    }

    private static final YAMLFactory FACTORY = yamlFactory();

    /** YAML mapper: reads multi-document streams, writes block-style YAML without the leading "---". */
    public static final ObjectMapper YAML = new ObjectMapper(FACTORY).setNodeFactory(Nodes.FACTORY);
    public static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(Nodes.FACTORY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static YAMLFactory yamlFactory() {
        LoaderOptions loader = new LoaderOptions();
        // ASO CRDs reach ~2 MB per document; the SnakeYAML default (3 MB per stream) is too small for bundles.
        loader.setCodePointLimit(256 * 1024 * 1024);
        loader.setNestingDepthLimit(200);
        return new LinearYamlFactory(YAMLFactory.builder()
                .loaderOptions(loader)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    }

    public static YAMLFactory factory() {
        return FACTORY;
    }
}
