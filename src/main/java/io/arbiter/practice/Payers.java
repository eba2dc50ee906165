package io.arbiter.practice;

import io.arbiter.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/** The payers a practice deals with, as other capabilities and screens read and change them (practice owns the table). */
@Singleton
public class Payers {

    private final PayerRepository payers;

    public Payers(PayerRepository payers) {
        this.payers = payers;
    }

    public java.util.Optional<Payer> findById(Long id) {
        return payers.findById(id);
    }

    public List<Payer> findAll() {
        return payers.findAll();
    }

    /** The names of these payers by id: a page of results reads its own payers, not every payer, on each request. */
    public java.util.Map<Long, String> namesOf(java.util.Collection<Long> ids) {
        java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
        wanted.remove(null);
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!wanted.isEmpty()) {
            payers.findByIdIn(wanted).forEach(p -> names.put(p.id(), p.name()));
        }
        return names;
    }

    public java.util.Optional<Payer> findByPayerCode(String payerCode) {
        return payers.findByPayerCode(payerCode);
    }

    public boolean existsById(Long id) {
        return payers.existsById(id);
    }

    /** Creates a payer (imports create theirs in bulk, see intake). */
    public Payer save(Payer payer) {
        return payers.save(payer);
    }

    public List<Payer> byName() {
        return payers.listOrderByName();
    }

    public Payer require(Long id) {
        return payers.findById(id).orElseThrow(() -> ApiException.notFound("Payer " + id));
    }

    /** The payer's legal name (plan or issuer) for documents that name the other party; at most 200 characters. */
    public Payer changeLegalEntity(Long id, @Nullable String legalName) {
        if (legalName != null && legalName.trim().length() > 200) {
            throw ApiException.unprocessable("legalEntity is longer than 200 characters",
                    List.of(new io.arbiter.common.ApiProblem.ProblemDetail("legalEntity", "is longer than 200 characters")));
        }
        return payers.update(require(id).withLegalEntity(legalName));
    }

    /** How the payer wants bilateral services reported and its appeal window (null: the rule default). */
    public Payer changePolicies(Long id, BilateralFormat format, @Nullable Integer appealWindowDays) {
        return payers.update(require(id).withPolicies(format, appealWindowDays));
    }
}
