package io.xp2aso.templates;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.CompiledComposition;
import io.xp2aso.compose.EnvironmentConfigs;
import io.xp2aso.compose.EnvironmentSpec;
import io.xp2aso.compose.MergeOptions;
import io.xp2aso.compose.Patch;
import io.xp2aso.compose.RenderException;
import io.xp2aso.compose.Step;
import io.xp2aso.compose.Template;

import java.util.List;

/**
 * The environment a Composition's resource patches read (EnvironmentConfigs selected for the XR, merged in order),
 * as a chart value ({@code xp2aso.environment}) of each instance. Only an environment the Composition reads as
 * selected is a plain value: patches that write into it (from the XR, or from composed resources' observed state)
 * would make it depend on the XR or the cluster, which the chart does not model, so such a Composition is refused.
 */
final class ChartEnvironment {
    private ChartEnvironment() {
    }

    /** Refuses a Composition that changes its environment, or selects it after a step has read it. */
    static void check(CompiledComposition cc) {
        if (!cc.pipeline()) {
            if (!cc.environmentPatches().isEmpty()) {
                throw new Untranslatable("spec.environment.patches: the environment is patched from the XR, which the"
                        + " chart does not model (it reads the environment as selected)");
            }
            cc.templates().forEach(ChartEnvironment::checkPatches);
            return;
        }
        boolean patched = false;
        for (Step s : cc.steps()) {
            if (s instanceof Step.PatchAndTransform pt) {
                if (!pt.environmentPatches().isEmpty()) {
                    throw new Untranslatable("step " + s.step() + ": environment.patches patch the environment from the"
                            + " XR, which the chart does not model (it reads the environment as selected)");
                }
                pt.templates().forEach(ChartEnvironment::checkPatches);
                patched = true;
            } else if (s instanceof Step.EnvironmentConfigs && patched) {
                throw new Untranslatable("step " + s.step() + " (function-environment-configs) selects the environment"
                        + " after a patch-and-transform step, which then reads a different one");
            }
        }
    }

    private static void checkPatches(Template t) {
        for (Patch p : t.patches()) {
            if (p.type().equals("ToEnvironmentFieldPath") || p.type().equals("CombineToEnvironment")) {
                throw new Untranslatable("composed resource " + t.name() + ": a " + p.type() + " patch writes the"
                        + " environment from the resource's observed state, which the chart does not model");
            }
        }
    }

    /** The environment render gives the resource patches of this XR; empty when nothing selects one or it fails. */
    static ObjectNode of(CompiledComposition cc, ObjectNode xr, EnvironmentConfigs configs) {
        try {
            if (!cc.pipeline()) {
                return cc.environment() == null ? JsonNodeFactory.instance.objectNode()
                        : cc.environment().evaluate(xr, configs);
            }
            ObjectNode env = JsonNodeFactory.instance.objectNode();
            for (Step s : cc.steps()) {
                if (s instanceof Step.EnvironmentConfigs ec) {
                    env = (ObjectNode) new MergeOptions(false, false).merge(env, ec.spec().evaluate(xr, configs));
                }
            }
            return env;
        } catch (RenderException e) {
            // render fails the XR the same way; migrate then has no objects for it, and the chart's check shows that.
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /**
     * The environment every XR gets when its selection does not depend on the XR (references, fixed labels): the
     * chart's default, so that a new instance (from Backstage) reads it too. Null when it depends on the XR or fails.
     */
    static ObjectNode fixed(CompiledComposition cc, EnvironmentConfigs configs) {
        List<EnvironmentSpec> specs = cc.pipeline() ? cc.steps().stream().filter(s -> s instanceof Step.EnvironmentConfigs)
                .map(s -> ((Step.EnvironmentConfigs) s).spec()).toList()
                : cc.environment() == null ? List.of() : List.of(cc.environment());
        if (specs.isEmpty()) {
            return null;
        }
        for (EnvironmentSpec spec : specs) {
            for (EnvironmentSpec.Source src : spec.sources()) {
                if (src.labels() != null && src.labels().stream().anyMatch(l -> !l.type().equals("Value"))) {
                    return null;
                }
            }
        }
        ObjectNode xr = JsonNodeFactory.instance.objectNode();
        try {
            ObjectNode env = JsonNodeFactory.instance.objectNode();
            for (EnvironmentSpec spec : specs) {
                env = (ObjectNode) new MergeOptions(false, false).merge(env, spec.evaluate(xr, configs));
            }
            return env;
        } catch (RenderException e) {
            return null;
        }
    }

    /** Whether the Composition selects an environment at all. */
    static boolean selects(CompiledComposition cc) {
        return cc.pipeline() ? cc.steps().stream().anyMatch(s -> s instanceof Step.EnvironmentConfigs)
                : cc.environment() != null;
    }
}
