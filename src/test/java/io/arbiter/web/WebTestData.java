package io.arbiter.web;

import io.arbiter.cases.CaseRequests;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCaseRepository;
import io.arbiter.claims.ClaimReader;
import io.arbiter.common.Page;
import io.arbiter.packets.PacketContextFactory;
import io.arbiter.packets.PacketDetail;
import io.arbiter.packets.PacketDetails;
import io.arbiter.packets.PacketType;
import io.arbiter.packets.RequiredFields;
import io.arbiter.packets.PacketValidationException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Case data the browser journeys need beyond what they click: packet details, a second (unshared) case. */
@Singleton
public class WebTestData {

    static final String PACKET = "OPEN_NEGOTIATION_NOTICE";

    private final CaseService cases;
    private final DisputeCaseRepository repository;
    private final ClaimReader claims;
    private final PacketContextFactory contexts;
    private final PacketDetails details;
    private final DataSource dataSource;

    public WebTestData(CaseService cases, DisputeCaseRepository repository, ClaimReader claims, PacketContextFactory contexts,
                       PacketDetails details, DataSource dataSource, io.micronaut.jdbc.DataSourceResolver resolver) {
        this.cases = cases;
        this.repository = repository;
        this.claims = claims;
        this.contexts = contexts;
        this.details = details;
        this.dataSource = resolver.resolve(dataSource);
    }

    public String caseNumber(long id) {
        return repository.findById(id).orElseThrow().getCaseNumber();
    }

    public long claimId(String patientControlNumber) {
        return claims.search(patientControlNumber, null, null, null, io.arbiter.security.PracticeAccess.EVERY, Page.request(0, 1)).items().get(0).id();
    }

    public long openCase(String patientControlNumber, String specialist) {
        Long claimId = claims.search(patientControlNumber, null, null, null, io.arbiter.security.PracticeAccess.EVERY, Page.request(0, 1)).items().get(0).id();
        DisputeCase dc = cases.open(new CaseRequests.Create(List.of(claimId), null, specialist, null), specialist,
                io.arbiter.security.PracticeAccess.EVERY);
        return dc.getId();
    }

    /** What a specialist types into the packet-details form for an open negotiation notice (realistic values). */
    public void makePacketReady(long caseId) {
        set837Facts(caseId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("practice.contactName", "Maria Delgado, revenue cycle manager");
        values.put("practice.email", "disputes@lonestarspine.example");
        values.put("practice.phone", "713-555-0142");
        details.save(PacketDetail.Scope.CASE, caseId, values, "sam.specialist");
        List<PacketValidationException.FieldError> missing = RequiredFields.check(PacketType.valueOf(PACKET),
                contexts.build(repository.findById(caseId).orElseThrow()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("packet still misses " + missing);
        }
    }

    /** The facts that come from outside the 835 but not from the packet-details form: practice address, 837P facility, offer. */
    public void set837Facts(long caseId) {
        DisputeCase dc = repository.findById(caseId).orElseThrow();
        sql("UPDATE practice SET address_line = '6410 Fannin St, Suite 1200', city = 'Houston', state = 'TX', zip = '77030', "
                + "phone = '713-555-0142', bates_prefix = 'LSSP' WHERE id = " + dc.getPracticeId());
        // Not in an 835: the facility and state come from the 837P, the offer from the specialist's open-negotiation offer.
        sql("UPDATE claim SET facility_name = 'Texas Medical Center Surgery Center', service_state = 'TX' WHERE id IN "
                + "(SELECT claim_id FROM case_line WHERE case_id = " + caseId + ")");
        sql("UPDATE dispute_case SET provider_offer = 9500.00 WHERE id = " + caseId);
    }

    /** A settlement in open negotiation, paid: what finance then sees as recovered. */
    public void settleAndPay(long caseId, java.time.LocalDate day, java.math.BigDecimal amount) {
        cases.record(caseId, new CaseRequests.Event(io.arbiter.cases.CaseEventType.OPEN_NEGOTIATION_STARTED, day, null, null, null, null, null), "sam.specialist");
        cases.record(caseId, new CaseRequests.Event(io.arbiter.cases.CaseEventType.SETTLED, day, amount, "settled in open negotiation", null, null, null), "sam.specialist");
        cases.record(caseId, new CaseRequests.Event(io.arbiter.cases.CaseEventType.PAYMENT_RECEIVED, day, amount, null, null, null, null), "sam.specialist");
    }

    private void sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
