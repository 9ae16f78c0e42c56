package io.xp2aso.inventory;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.xp2aso.model.ObjectKind;

import java.util.List;

/** A listable kind found on the cluster: where to list it (group, version, plural, scope) and the role it plays. */
public record ClusterKind(String group, String version, String kind, String plural, boolean namespaced,
                          ObjectKind role, List<String> categories) {
    public ClusterKind {
        categories = List.copyOf(categories);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** "plural.group", as kubectl and RBAC name a resource. */
    public String resource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion(version).withKind(kind).withPlural(plural).withNamespaced(namespaced)
                .build();
    }
}
