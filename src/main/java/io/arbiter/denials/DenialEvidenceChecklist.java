package io.arbiter.denials;

import io.arbiter.packets.PacketContextFactory;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Feeds a denial's tracked checklist into the appeal packet, which refuses to render while required items are missing. */
@Singleton
public class DenialEvidenceChecklist implements PacketContextFactory.EvidenceChecklist {

    private final DenialService denials;

    public DenialEvidenceChecklist(DenialService denials) {
        this.denials = denials;
    }

    @Override
    public Optional<List<ChecklistItem>> forLine(Long claimLineId) {
        return denials.checklistForLine(claimLineId).filter(l -> !l.isEmpty()).map(items -> items.stream()
                .map(e -> new ChecklistItem(e.description(), e.required(), e.attached(), e.documentTitle())).toList());
    }
}
