package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.world.FakeAzure;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.handoff.world.PipelineEstates;
import io.xp2aso.handoff.world.World;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.ObserveOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * migrate --observe-only none, with plans the real pipeline builds from handoff/observeonly: unit team/net composes a
 * resource group Crossplane only observes and a virtual network in it. With none the group gets no ASO object, the
 * network's owner is the group's ARM ID, and the handoff never writes the group; the default (skip-object) keeps a
 * ResourceGroup that stays skip for good.
 */
class HandoffObserveOnlyTest {
    static final String UNIT = "team/net";
    static final String RG = World.SUB + "/resourceGroups/platform-rg";
    static final ObjectRef RG_KIND = new ObjectRef("resources.azure.com/v1api20200601", "ResourceGroup", "team", "");

    @TempDir
    Path dir;

    static PipelineEstates.Built built(ObserveOnly option) throws URISyntaxException {
        return PipelineEstates.build(Path.of(HandoffObserveOnlyTest.class.getResource("/handoff/observeonly/sources.yaml").toURI()),
                Path.of(HandoffObserveOnlyTest.class.getResource("/handoff/observeonly/observed.yaml").toURI()), option);
    }

    @Test
    void withNoneTheGroupHasNoObjectAndTheNetworksOwnerIsItsArmId() throws Exception {
        PipelineEstates.Built b = built(ObserveOnly.NONE);
        MappedResource rg = b.mapped().units().get(0).resources().get(0);
        assertEquals("ResourceGroup", rg.source().object().path("kind").asText());
        assertEquals(List.of(), rg.targets());
        assertEquals(List.of(), rg.unmapped());
        assertTrue(rg.findings().stream().anyMatch(f -> f.code().equals(Mapper.NO_OBJECT)), rg.findings().toString());
        UnitPlan u = b.plan().unit(UNIT).orElseThrow();
        assertEquals(List.of("VirtualNetwork/team/net-vnet"), u.aso().stream().map(t -> t.ref().display()).toList());
        JsonNode owner = u.aso().get(0).manifest().path("spec").path("owner");
        assertEquals(RG, owner.path("armId").asText(), owner.toString());
        assertFalse(owner.has("name"), owner.toString());
        assertEquals(List.of(), u.blockers());
        ManagedHandoff rgMr = u.resources().get(0);
        assertTrue(rgMr.noObject());
        assertFalse(u.resources().get(1).noObject());
        assertTrue(PlanJson.write(b.plan()).replace(" ", "").contains("\"noObject\":true"));
        assertEquals(u.resources(), PlanJson.parse("plan.json", PlanJson.write(b.plan())).units().get(0).resources());
        assertTrue(PlanMarkdown.page(u).contains("none (it only observes; --observe-only none)"));
    }

    @Test
    void theDefaultKeepsASkipObjectThatTheNetworkNames() throws Exception {
        UnitPlan u = built(ObserveOnly.SKIP_OBJECT).plan().unit(UNIT).orElseThrow();
        assertEquals(List.of("ResourceGroup/team/net-rg", "VirtualNetwork/team/net-vnet"),
                u.aso().stream().map(t -> t.ref().display()).toList());
        assertEquals(Keys.POLICY_SKIP, u.aso().get(0).policyAfterHandover());
        assertEquals("net-rg", u.aso().get(1).manifest().path("spec").path("owner").path("name").asText());
        assertFalse(PlanJson.write(built(ObserveOnly.SKIP_OBJECT).plan()).contains("noObject"), "written only when true");
    }

    @Test
    void withNoneTheHandoffNeverTouchesTheGroup() throws Exception {
        Harness h = handOver(ObserveOnly.NONE);
        try (h.world) {
            assertTrue(h.world.get(RG_KIND.withName("net-rg")).isEmpty(), "no ResourceGroup object");
            assertNoAzureWrite(h);
        }
    }

    @Test
    void byDefaultTheGroupsObjectStaysSkipAndAzureIsNotWritten() throws Exception {
        Harness h = handOver(ObserveOnly.SKIP_OBJECT);
        try (h.world) {
            assertTrue(h.world.get(RG_KIND.withName("net-rg")).isPresent());
            assertNoAzureWrite(h);
        }
    }

    private Harness handOver(ObserveOnly option) throws Exception {
        PipelineEstates.Built b = built(option);
        World w = new World();
        // ASO serves ResourceGroup whatever the plan holds, so an object of it could be made.
        w.install(RG_KIND.apiVersion(), RG_KIND.kind(), "resourcegroups", true, "aso");
        PipelineEstates.install(w, b);
        Harness h = new Harness(dir, w, b.plan());
        assertTrue(HandoffSharedTest.runUnit(h, UNIT) > 0, h.transcript.toString());
        assertEquals(List.of(), h.endStateViolations(), h.transcript.toString());
        return h;
    }

    private static void assertNoAzureWrite(Harness h) {
        List<FakeAzure.Op> onGroup = h.world.azure.log().stream().filter(o -> o.id().equalsIgnoreCase(RG)).toList();
        assertEquals(List.of(), onGroup, h.transcript.toString());
        assertTrue(h.world.azure.get(RG).isPresent());
        assertTrue(h.world.azure.log().stream().anyMatch(o -> o.writer().equals("aso") && o.id().endsWith("/net-vnet")),
                "the network itself is adopted by ASO: " + h.world.azure.log());
    }
}
