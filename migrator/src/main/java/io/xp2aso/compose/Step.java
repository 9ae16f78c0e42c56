package io.xp2aso.compose;

import io.xp2aso.source.Origin;

import java.util.List;
import java.util.Map;

/** One compiled step of a Pipeline Composition, by what the function does (identified by its input kind). */
public sealed interface Step {
    String step();

    String function();

    Origin origin();

    /** function-patch-and-transform, run natively. */
    record PatchAndTransform(String step, String function, Origin origin, List<Template> templates,
                             List<Patch> environmentPatches) implements Step {
    }

    /** function-environment-configs, run natively. */
    record EnvironmentConfigs(String step, String function, Origin origin, EnvironmentSpec spec) implements Step {
    }

    /**
     * function-go-templating, run natively with Helm's engine: {@code template} is the text rewritten for Helm, or
     * {@code parseError} the error the function gives when it cannot parse it, or {@code environmentKey} the context
     * environment key the template is read from at render time. {@code first} is where the template's line 1 is.
     */
    record GoTemplating(String step, String function, Origin origin, Origin first, GoTemplateRewriter.Rewritten template,
                        GoTemplateLexer.Error parseError, String environmentKey, String left, String right,
                        Map<String, String> credentials) implements Step {
    }

    /** function-auto-ready: composed resources are ready when their observed Ready condition is True. */
    record AutoReady(String step, String function, Origin origin) implements Step {
    }

    /**
     * A function this tool does not run. {@code composes} is true when it can produce composed resources
     * (templating, KCL, Python, unknown functions), false when it only touches context, ordering or XR status.
     */
    record Unsupported(String step, String function, Origin origin, String what, boolean composes) implements Step {
    }
}
