package io.arbiter.packets;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class PacketServiceTest {

    @Inject
    PacketService service;
    @Inject
    GeneratedPacketRepository repository;
    @Inject
    PacketTemplates templates;

    @Test
    void generateStoresThePdfWithItsHashAndTemplateVersion() throws Exception {
        long caseId = 9001;
        GeneratedPacket first = service.generate(caseId, PacketType.OFFER_BRIEF,
                PacketFixtures.context(io.arbiter.packets.model.PacketContext.Track.FEDERAL_IDR,
                        List.of(PacketFixtures.pdfExhibit("EOB", 2))), "analyst1");
        GeneratedPacket stored = repository.findById(first.id()).orElseThrow();
        assertArrayEquals(first.content(), stored.content());
        assertEquals(PacketService.sha256(stored.content()), stored.sha256());
        assertEquals(stored.content().length, stored.byteSize());
        assertEquals(templates.version(PacketType.OFFER_BRIEF), stored.templateVersion());
        assertEquals("analyst1", stored.generatedBy());
        assertEquals(new PdfInspector(stored.content()).pageCount, stored.pageCount());
        assertEquals(0, stored.generatedAt().getNano());

        GeneratedPacket second = service.generate(caseId, PacketType.WC_MFDR, PacketFixtures.forType(PacketType.WC_MFDR), "analyst1");
        assertEquals(first.id(), service.latest(caseId, PacketType.OFFER_BRIEF).orElseThrow().id());
        var history = service.history(caseId);
        assertEquals(List.of(second.id(), first.id()), history.stream().map(GeneratedPacketSummary::id).toList());
        assertEquals(PacketType.WC_MFDR, history.get(0).packetType());
        assertTrue(service.latest(caseId + 1, PacketType.OFFER_BRIEF).isEmpty());
    }

    @Test
    void nothingIsStoredWhenValidationFails() {
        long caseId = 9002;
        assertThrows(PacketValidationException.class, () -> service.generate(caseId, PacketType.TEXAS_PIP_DEMAND,
                PacketFixtures.forType(PacketType.OFFER_BRIEF), "analyst1"));
        assertTrue(service.history(caseId).isEmpty());
    }

    /** Issue 23 item 9: every download stored a new PDF (24 rows for 6 distinct packets). */
    @Test
    void askingForAnUnchangedPacketAgainServesTheStoredOneAndAChangeStoresANewOne() {
        long caseId = 9003;
        var eob = PacketFixtures.pdfExhibit("EOB", 2);
        var ctx = PacketFixtures.context(io.arbiter.packets.model.PacketContext.Track.FEDERAL_IDR, List.of(eob));
        GeneratedPacket first = service.current(caseId, PacketType.OFFER_BRIEF, ctx, "analyst1");
        // The same inputs rebuilt from scratch (the stored exhibit read again: a new array with the same bytes).
        var rebuilt = PacketFixtures.context(io.arbiter.packets.model.PacketContext.Track.FEDERAL_IDR,
                List.of(new io.arbiter.packets.model.PacketContext.Exhibit(eob.title(), eob.contentType(), eob.bytes().clone())));
        GeneratedPacket again = service.current(caseId, PacketType.OFFER_BRIEF, rebuilt, "attorney1");
        assertEquals(first.id(), again.id());
        assertArrayEquals(first.content(), again.content());
        assertEquals(1, service.history(caseId).size());

        // A different date printed on the packet is a different document: stored once more.
        var nextDay = new io.arbiter.packets.model.PacketContext(ctx.caseNumber(), ctx.track(), ctx.preparedOn().plusDays(1),
                ctx.practice(), ctx.payer(), ctx.patient(), ctx.claim(), ctx.lines(), ctx.money(), ctx.dates(), ctx.idr(),
                ctx.arguments(), ctx.denial(), ctx.exhibits());
        GeneratedPacket changed = service.current(caseId, PacketType.OFFER_BRIEF, nextDay, "analyst1");
        assertTrue(changed.id() > first.id());
        assertEquals(2, service.history(caseId).size());
        assertEquals(changed.id(), service.current(caseId, PacketType.OFFER_BRIEF, nextDay, "analyst1").id());

        // Generating on purpose always stores.
        GeneratedPacket onPurpose = service.generate(caseId, PacketType.OFFER_BRIEF, nextDay, "analyst1");
        assertTrue(onPurpose.id() > changed.id());
        assertEquals(3, service.history(caseId).size());
    }
}
