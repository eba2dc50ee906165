package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Generates, stores and finds case packets. Callers (the Cases capability) map a case onto a
 * {@link PacketContext}, check access (attorneys: shared cases only) and audit-log downloads.
 */
@Singleton
public class PacketService {

    private static final Logger LOG = LoggerFactory.getLogger(PacketService.class);

    private final PacketRenderer renderer;
    private final GeneratedPacketRepository repository;
    private final Clock clock;

    public PacketService(PacketRenderer renderer, GeneratedPacketRepository repository, Clock clock) {
        this.renderer = renderer;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Renders the packet, stores it with its SHA-256 and template version, and returns the stored row.
     *
     * @throws PacketValidationException when required fields are missing or an exhibit is unusable (→ 422)
     * @throws PacketTemplateException   when the template is broken or violates the sandbox (→ 500)
     */
    public GeneratedPacket generate(long caseId, PacketType type, PacketContext context, String username) {
        return store(caseId, type, context, username, inputFingerprint(type, context));
    }

    /**
     * The packet as the case stands: the stored one when nothing it is rendered from has changed since (same type,
     * template version and case data, including the date printed on it), otherwise a newly generated and stored one.
     * Downloading a packet twice therefore serves identical bytes and stores one row (issue 23 item 9).
     */
    public GeneratedPacket current(long caseId, PacketType type, PacketContext context, String username) {
        String input = inputFingerprint(type, context);
        Optional<GeneratedPacket> latest = latest(caseId, type);
        if (latest.isPresent() && input.equals(latest.get().inputSha256())) {
            return latest.get();
        }
        return store(caseId, type, context, username, input);
    }

    private GeneratedPacket store(long caseId, PacketType type, PacketContext context, String username, String input) {
        RenderedPacket rendered = renderer.render(type, context);
        byte[] pdf = rendered.pdf();
        GeneratedPacket saved = repository.save(new GeneratedPacket(null, caseId, type, sha256(pdf),
                rendered.templateVersion(), rendered.pageCount(), pdf.length,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), username, pdf, input));
        // No PHI here: ids, type and sizes only.
        LOG.info("Generated packet {} for case {} ({} pages, {} bytes, template {})", type, caseId,
                rendered.pageCount(), pdf.length, rendered.templateVersion());
        return saved;
    }

    /** The most recent packet of this type for the case. */
    public Optional<GeneratedPacket> latest(long caseId, PacketType type) {
        return repository.findFirstByCaseIdAndPacketTypeOrderByIdDesc(caseId, type);
    }

    /** Every packet generated for the case, newest first, without bytes. */
    public List<GeneratedPacketSummary> history(long caseId) {
        return repository.findByCaseIdOrderByIdDesc(caseId);
    }

    /** SHA-256 over the packet type, its template version and the whole context (exhibits by their hash). */
    String inputFingerprint(PacketType type, PacketContext context) {
        return sha256((type.name() + "\u0000" + renderer.templateVersion(type) + "\u0000" + context).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
