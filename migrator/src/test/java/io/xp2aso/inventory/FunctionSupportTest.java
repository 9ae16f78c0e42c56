package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which Pipeline steps scan counts as rendered by xp2aso: function-go-templating only with a template it runs. */
class FunctionSupportTest {
    private static final String COMPOSITION = """
            apiVersion: apiextensions.crossplane.io/v1
            kind: Composition
            metadata: {name: templated}
            spec:
              compositeTypeRef: {apiVersion: example.org/v1, kind: XApp}
              mode: Pipeline
              pipeline:
                - step: inline
                  functionRef: {name: crossplane-contrib-function-go-templating}
                  input: {apiVersion: gotemplating.fn.crossplane.io/v1beta1, kind: GoTemplate, source: Inline, inline: {template: x}}
                - step: files
                  functionRef: {name: crossplane-contrib-function-go-templating}
                  input: {apiVersion: gotemplating.fn.crossplane.io/v1beta1, kind: GoTemplate, source: FileSystem, fileSystem: {dirPath: /templates}}
                - step: options
                  functionRef: {name: crossplane-contrib-function-go-templating}
                  input: {apiVersion: gotemplating.fn.crossplane.io/v1beta1, kind: GoTemplate, source: Inline, options: [missingkey=error], inline: {template: x}}
                - step: env
                  functionRef: {name: function-go-templating}
                  input: {apiVersion: gotemplating.fn.crossplane.io/v1beta1, kind: GoTemplate, source: Environment, environment: {key: t}}
                - step: kcl
                  functionRef: {name: function-kcl}
                  input: {apiVersion: krm.kcl.dev/v1alpha1, kind: KCLInput, spec: {source: x}}
                - step: ready
                  functionRef: {name: function-auto-ready}
            """;

    @Test
    void goTemplatingIsSupportedWhenItsTemplateRendersNatively() throws Exception {
        JsonNode c = Yaml.YAML.readTree(COMPOSITION);
        FunctionSupport f = new FunctionSupport(List.of());
        List<String> supported = Summaries.composition(c).pipeline().stream().filter(f::supported).map(FunctionStep::step).toList();
        assertEquals(List.of("inline", "env", "ready"), supported);
    }
}
