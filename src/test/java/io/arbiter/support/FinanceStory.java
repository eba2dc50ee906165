package io.arbiter.support;

import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A practice's year of disputes as finance sees it, recorded through the cases API the way a specialist records them:
 * eight cases over three payers and two tracks, opened in October and November 2026, paid from December 2026 to
 * February 2027. Each federal claim: 64483 billed 2,400.00, allowed 336.00 (plan paid 268.80, patient share 67.20),
 * so the amount owed = decided − 67.20 − 268.80 = decided − 336.00. Fees: 15.00 administrative + 395.00 IDR entity.
 *
 * <pre>
 * case  payer               track   story                                                  owed     received (date)
 * A     ACME HEALTH PLAN    federal won 01/12/27, paid in two parts, IDRE fee refunded     1,764.00 1,000.00 (01/20/27) + 764.00 (02/03/27); refund 395.00 (02/10/27)
 * B     ACME HEALTH PLAN    federal won 01/12/27, IDRE fee refund not received yet         1,764.00 1,764.00 (01/25/27)
 * C     LONE STAR MUTUAL    federal settled 12/20/26 for 1,200.00 after initiation         864.00   864.00 (01/05/27)
 * D     ACME HEALTH PLAN    federal lost 01/12/27 (payer's offer 480.00)                   144.00   144.00 (02/01/27)
 * E     LONE STAR MUTUAL    federal withdrawn 12/01/26 after paying the admin fee          —        —
 * F     ACME HEALTH PLAN    federal opened 11/09/26, settled in open negotiation for 900   564.00   564.00 (12/02/26)
 * G     ACME HEALTH PLAN    federal open (open negotiation started)                        —        —
 * H     BLUEBONNET ASSUR.   Texas   settled 11/20/26 for 1,000.00, arbitrator fee 500.00   604.00   600.00 (12/01/26)
 * </pre>
 * H's claim: 62323 billed 1,800.00, allowed 396.00 (paid 316.80, share 79.20): owed 1,000.00 − 396.00 = 604.00.
 */
@Singleton
public class FinanceStory {

    private final TestAccounts accounts;
    private final ClaimFixtures fixtures;
    private final TestClock clock;
    private final DataSource dataSource;

    public FinanceStory(TestAccounts accounts, ClaimFixtures fixtures, TestClock clock, DataSource dataSource, DataSourceResolver resolver) {
        this.accounts = accounts;
        this.fixtures = fixtures;
        this.clock = clock;
        this.dataSource = resolver.resolve(dataSource);
    }

    /** Records the eight cases; returns their ids by letter. Resets the clock afterwards. */
    public Map<String, Long> record(BlockingHttpClient client) {
        CaseApi api = new CaseApi(client, accounts.token(client, Roles.SPECIALIST), clock);
        Map<String, Long> ids = new LinkedHashMap<>();
        try {
            for (String letter : List.of("A", "B", "C", "D", "E", "G")) {
                ids.put(letter, api.openId(federalClaim("LSFIN00" + letter, letter.equals("C") || letter.equals("E")
                        ? "LONE STAR MUTUAL" : "ACME HEALTH PLAN", LocalDate.of(2026, 10, 8)).id(), "2026-10-09"));
            }
            ids.put("F", api.openId(federalClaim("LSFIN00F", "ACME HEALTH PLAN", LocalDate.of(2026, 11, 2)).id(), "2026-11-09"));
            Claim texas = fixtures.oneLineClaim("LSFIN00H", "BLUEBONNET ASSURANCE", "BLUE1", PlanType.FULLY_INSURED_STATE, "TX", "62323",
                    "1800.00", "396.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "770301234", "M5416", List.of("N883"));
            ids.put("H", api.openId(texas.id(), "2026-10-09"));

            toDetermination(api, ids.get("A"), "2100.00");
            api.event(ids.get("A"), "PAYMENT_RECEIVED", "2027-01-20", "1000.00");
            api.event(ids.get("A"), "PAYMENT_RECEIVED", "2027-02-03", "764.00");
            api.event(ids.get("A"), "FEE_REFUND_RECEIVED", "2027-02-10", "395.00");

            toDetermination(api, ids.get("B"), "2100.00");
            api.event(ids.get("B"), "PAYMENT_RECEIVED", "2027-01-25", "1764.00");

            toOffers(api, ids.get("C"));
            api.event(ids.get("C"), "SETTLED", "2026-12-20", "1200.00");
            api.event(ids.get("C"), "PAYMENT_RECEIVED", "2027-01-05", "864.00");

            toDetermination(api, ids.get("D"), "480.00");
            api.event(ids.get("D"), "PAYMENT_RECEIVED", "2027-02-01", "144.00");

            api.event(ids.get("E"), "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
            api.event(ids.get("E"), "IDR_INITIATED", "2026-11-30", null);
            api.event(ids.get("E"), "FEE_PAID", "2026-11-30", "15.00", "feeKind", "ADMIN");
            api.event(ids.get("E"), "WITHDRAWN", "2026-12-01", null);

            api.event(ids.get("F"), "OPEN_NEGOTIATION_STARTED", "2026-11-10", null);
            api.event(ids.get("F"), "SETTLED", "2026-11-20", "900.00");
            api.event(ids.get("F"), "PAYMENT_RECEIVED", "2026-12-02", "564.00");

            api.event(ids.get("G"), "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);

            api.event(ids.get("H"), "ARBITRATION_REQUESTED", "2026-11-02", null);
            api.event(ids.get("H"), "FEE_PAID", "2026-11-02", "500.00", "feeKind", "ARBITRATOR");
            api.event(ids.get("H"), "SETTLED", "2026-11-20", "1000.00");
            api.event(ids.get("H"), "PAYMENT_RECEIVED", "2026-12-01", "600.00");

            // @DateCreated stamps the wall clock, not the service clock the story runs on: date each opening as the story does.
            ids.forEach((letter, id) -> opened(id, letter.equals("F") ? "2026-11-09" : "2026-10-09"));
        } finally {
            clock.reset();
        }
        return ids;
    }

    private Claim federalClaim(String pcn, String payer, LocalDate paid) {
        return fixtures.oneLineClaim(pcn, payer, payer.startsWith("ACME") ? "ACME1" : "LSM01", PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 14), paid, "24", "752041000", "M5416", List.of("N865", "N877"));
    }

    private static void toOffers(CaseApi api, long id) {
        api.event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        api.event(id, "IDR_INITIATED", "2026-11-30", null);
        api.event(id, "FEE_PAID", "2026-11-30", "15.00", "feeKind", "ADMIN");
        api.event(id, "IDRE_SELECTED", "2026-12-03", null);
        api.event(id, "OFFER_SUBMITTED", "2026-12-10", "2100.00");
        api.event(id, "PAYER_OFFER_RECEIVED", "2026-12-10", "480.00");
        api.event(id, "FEE_PAID", "2026-12-10", "395.00", "feeKind", "IDRE");
    }

    private static void toDetermination(CaseApi api, long id, String determination) {
        toOffers(api, id);
        api.event(id, "DETERMINATION_ISSUED", "2027-01-12", determination);
    }

    private void opened(long caseId, String day) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE dispute_case SET created_at = ? WHERE id = ?")) {
            ps.setObject(1, LocalDate.parse(day).atTime(12, 0));
            ps.setLong(2, caseId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
