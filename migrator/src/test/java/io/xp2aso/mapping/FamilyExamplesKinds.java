package io.xp2aso.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kinds of the breadth families (insights, web, containerapp, compute, ...) that {@link UpjetExamplesTest} holds to
 * its bar: every upjet example of them migrates, leaves no field unmapped and validates against the ASO CRDs. Kept
 * apart from the test's own list so that the families grow without touching each other's lines.
 */
final class FamilyExamplesKinds {
    static final Set<String> KINDS = Set.of(
            "cache.azure.upbound.io/RedisEnterpriseDatabase",
            "cache.azure.upbound.io/RedisEnterpriseCluster",
            "signalrservice.azure.upbound.io/Service",
            "synapse.azure.upbound.io/SparkPool",
            "alertsmanagement.azure.upbound.io/MonitorSmartDetectorAlertRule",
            "notificationhubs.azure.upbound.io/AuthorizationRule",
            "kusto.azure.upbound.io/DatabasePrincipalAssignment",
            "kusto.azure.upbound.io/ClusterPrincipalAssignment",
            "kusto.azure.upbound.io/Cluster",
            "apimanagement.azure.upbound.io/APIPolicy",
            "apimanagement.azure.upbound.io/APIVersionSet",
            "apimanagement.azure.upbound.io/Gateway",
            "apimanagement.azure.upbound.io/GatewayAPI",
            "apimanagement.azure.upbound.io/Group",
            "apimanagement.azure.upbound.io/NamedValue",
            "apimanagement.azure.upbound.io/Policy",
            "apimanagement.azure.upbound.io/PolicyFragment",
            "apimanagement.azure.upbound.io/Product",
            "apimanagement.azure.upbound.io/ProductPolicy",
            "apimanagement.azure.upbound.io/User",
            "appconfiguration.azure.upbound.io/Configuration",
            "authorization.azure.upbound.io/RoleDefinition",
            "cognitiveservices.azure.upbound.io/Account",
            "cognitiveservices.azure.upbound.io/Deployment",
            "communication.azure.upbound.io/Service",
            "compute.azure.upbound.io/AvailabilitySet",
            "compute.azure.upbound.io/CapacityReservation",
            "compute.azure.upbound.io/CapacityReservationGroup",
            "compute.azure.upbound.io/DiskAccess",
            "compute.azure.upbound.io/DiskEncryptionSet",
            "compute.azure.upbound.io/Image",
            "compute.azure.upbound.io/ManagedDisk",
            "containerservice.azure.upbound.io/KubernetesFleetManager",
            "eventgrid.azure.upbound.io/Domain",
            "eventgrid.azure.upbound.io/DomainTopic",
            "eventgrid.azure.upbound.io/Topic",
            "insights.azure.upbound.io/ApplicationInsightsWorkbook",
            "insights.azure.upbound.io/MonitorActionGroup",
            "insights.azure.upbound.io/MonitorDataCollectionEndpoint",
            "insights.azure.upbound.io/MonitorDiagnosticSetting",
            "insights.azure.upbound.io/MonitorScheduledQueryRulesAlertV2",
            "insights.azure.upbound.io/MonitorWorkspace",
            "kusto.azure.upbound.io/Database",
            "notificationhubs.azure.upbound.io/NotificationHubNamespace",
            "web.azure.upbound.io/AppServicePlan",
            "web.azure.upbound.io/ServicePlan");

    /**
     * Fields an upjet example of the kind sets that no ASO version can hold: the example must report exactly these
     * unmapped (an UNMAPPED finding each), and nothing else.
     */
    static final Map<String, List<String>> ASO_CANNOT_HOLD = Map.of(
            // ASO types criteria[].resourceIdColumn as an ARM-ID reference whose pattern refuses a column name.
            "insights.azure.upbound.io/MonitorScheduledQueryRulesAlertV2", List.of("criteria.resourceIdColumn"));

    private FamilyExamplesKinds() {
    }
}
