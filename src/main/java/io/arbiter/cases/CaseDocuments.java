package io.arbiter.cases;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ContentDisposition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Documents attached to a case, stored with their SHA-256 so a packet can prove what it attached. */
@Singleton
public class CaseDocuments {

    /** Kinds a specialist attaches; exhibits of packets are drawn from these. */
    public static final Set<String> KINDS = Set.of("EOB", "REMITTANCE_EXCERPT", "NOTICE_SENT", "PAYER_CORRESPONDENCE",
            "IDRE_DETERMINATION", "OPERATIVE_NOTE", "MBB_RELIEF_LOG", "TRIAL_LOG", "FEE_RECEIPT", "OTHER");

    private final CaseDocumentRepository documents;
    private final AuditLog audit;

    public CaseDocuments(CaseDocumentRepository documents, AuditLog audit) {
        this.documents = documents;
        this.audit = audit;
    }

    @Transactional
    public CaseDocument store(Long caseId, @Nullable Long eventId, @Nullable String kind, @Nullable String title,
                              String fileName, String contentType, byte[] content, String username) {
        String k = kind == null || kind.isBlank() ? "OTHER" : kind.trim().toUpperCase();
        if (!KINDS.contains(k)) {
            throw CaseRuleViolation.invalid("kind", "'" + kind + "' is not one of " + KINDS);
        }
        if (content.length == 0) {
            throw CaseRuleViolation.invalid("file", "is empty");
        }
        fileName = ContentDisposition.cleanFileName(fileName);
        // Only what a packet can carry as an exhibit is kept, typed by its bytes (a .txt was accepted, then silently
        // left out of every packet).
        String detected = io.arbiter.common.DocumentTypes.detect(content);
        if (detected == null) {
            throw CaseRuleViolation.invalid("file", "'" + fileName + "' is not a PDF, PNG or JPEG file (by its content); "
                    + "save it as PDF and upload it again");
        }
        contentType = detected;
        CaseDocument saved = documents.save(new CaseDocument(null, caseId, eventId, k,
                title == null || title.isBlank() ? fileName : title, fileName, contentType, sha256(content), content.length,
                content, username, null));
        audit.record(username, AuditAction.CREATE, "CASE_DOCUMENT", saved.id(), "case " + caseId + ", " + k);
        return saved;
    }

    /** A document by id, whatever its case (the caller checks the case it belongs to). */
    public Optional<CaseDocument> findById(Long documentId) {
        return documents.findById(documentId);
    }

    public List<CaseDocument> findByCaseIdOrderById(Long caseId) {
        return documents.findByCaseIdOrderById(caseId);
    }

    public Optional<CaseDocument> find(Long caseId, Long documentId) {
        return documents.findByIdAndCaseId(documentId, caseId);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
