package io.xp2aso.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which composition functions xp2aso renders itself. A Pipeline step names a Function object; its package
 * (e.g. xpkg.upbound.io/crossplane-contrib/function-auto-ready:v0.2.1) says which function it is. When the
 * Function object is not on the cluster, the step's functionRef name is all there is to go by.
 */
public final class FunctionSupport {
    public static final List<String> SUPPORTED = List.of(
            "function-patch-and-transform", "function-environment-configs", "function-auto-ready");

    private final Map<String, String> packageByName = new HashMap<>();

    public FunctionSupport(List<PackageSummary> functions) {
        for (PackageSummary f : functions) {
            packageByName.put(f.name(), f.repository());
        }
    }

    /** The function's identity: its package repository when known, else the Function object name. */
    public String identify(String functionRef) {
        return packageByName.getOrDefault(functionRef, functionRef);
    }

    /** A step xp2aso renders: a supported function, or function-go-templating with a template it runs natively. */
    public boolean supported(FunctionStep step) {
        return supported(step.functionRef())
                || (step.nativeTemplate() && is(step.functionRef(), List.of("function-go-templating")));
    }

    public boolean supported(String functionRef) {
        return is(functionRef, SUPPORTED);
    }

    private boolean is(String functionRef, List<String> functions) {
        String id = identify(functionRef);
        String last = id.substring(id.lastIndexOf('/') + 1);
        for (String s : functions) {
            // Function objects are often named with their publisher, e.g. crossplane-contrib-function-auto-ready.
            if (last.equals(s) || (!packageByName.containsKey(functionRef) && last.endsWith("-" + s))) {
                return true;
            }
        }
        return false;
    }
}
