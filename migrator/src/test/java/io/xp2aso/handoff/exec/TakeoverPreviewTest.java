package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TakeoverPreviewTest {
    static JsonNode json(String s) throws Exception {
        return Yaml.JSON.readTree(s);
    }

    @Test
    void listsChangesUnreportedValuesAndOmittedSettableFields() throws Exception {
        JsonNode spec = json("{\"owner\":{\"name\":\"rg\"},\"azureName\":\"sa\",\"location\":\"westeurope\","
                + "\"sku\":{\"name\":\"Standard_GRS\"},\"allowBlobPublicAccess\":false,"
                + "\"adminPassword\":{\"name\":\"s\",\"key\":\"k\"},\"subnetReference\":{\"armId\":\"/x\"}}");
        JsonNode status = json("{\"id\":\"/subscriptions/1/sa\",\"location\":\"WestEurope\",\"sku\":{\"name\":\"Standard_LRS\"},"
                + "\"minimumTlsVersion\":\"TLS1_2\",\"provisioningState\":\"Succeeded\",\"conditions\":[],\"subnetId\":\"/x\"}");
        JsonNode crd = json("{\"spec\":{\"versions\":[{\"name\":\"v1\",\"schema\":{\"openAPIV3Schema\":{\"properties\":{"
                + "\"spec\":{\"properties\":{\"location\":{},\"sku\":{\"properties\":{\"name\":{}}},"
                + "\"minimumTlsVersion\":{},\"allowBlobPublicAccess\":{},\"subnetReference\":{}}}}}}}]}}");
        assertEquals(List.of(
                "change sku.name: live \"Standard_LRS\", the PUT sends \"Standard_GRS\"",
                "set allowBlobPublicAccess = false (Azure does not report it now)",
                "will be written: adminPassword from Secret s key k (Azure never returns it, so its current value cannot be compared)",
                "omit minimumTlsVersion (live \"TLS1_2\"): the PUT sends it absent; Azure may reset it"),
                TakeoverPreview.compute(spec, status, crd, "v1"));
    }

    @Test
    void emptyWhenSpecMatchesLiveState() throws Exception {
        JsonNode spec = json("{\"owner\":{\"armId\":\"/rg\"},\"location\":\"westeurope\",\"tags\":{\"a\":\"b\"}}");
        JsonNode status = json("{\"id\":\"/x\",\"location\":\"westeurope\",\"tags\":{\"a\":\"b\"}}");
        assertEquals(List.of(), TakeoverPreview.compute(spec, status, null, "v1"));
    }
}
