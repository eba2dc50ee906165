package io.arbiter.packets;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes packet facts. A case sees its own values over its payer's over its practice's, so a
 * practice enters its contact person once and a case only what is particular to it.
 */
@Singleton
public class PacketDetails {

    /** Keys a line may carry: the typed line terms of the case (cases.LineTerms, issue 16), not stored here. */
    public static final Set<String> LINE_KEYS = Set.copyOf(io.arbiter.cases.LineTerms.FIELDS);

    private final PacketDetailRepository details;
    private final Clock clock;

    public PacketDetails(PacketDetailRepository details, Clock clock) {
        this.details = details;
        this.clock = clock;
    }

    /** Merged practice → payer → case values for one case. */
    public Map<String, String> forCase(Long practiceId, @Nullable Long payerId, Long caseId) {
        Map<String, String> out = new HashMap<>();
        put(out, PacketDetail.Scope.PRACTICE, practiceId);
        if (payerId != null) {
            put(out, PacketDetail.Scope.PAYER, payerId);
        }
        put(out, PacketDetail.Scope.CASE, caseId);
        return out;
    }

    /** The values stored at payer scope (the payer's own contact, before any case overrides it). */
    public Map<String, String> forPayer(Long payerId) {
        Map<String, String> out = new HashMap<>();
        put(out, PacketDetail.Scope.PAYER, payerId);
        return out;
    }

    /** The payer-scope values of many payers in one query (a screen listing every payer), by payer id. */
    public Map<Long, Map<String, String>> forPayers(java.util.Collection<Long> payerIds) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        if (payerIds.isEmpty()) {
            return out;
        }
        for (PacketDetail d : details.findByScopeAndScopeIdIn(PacketDetail.Scope.PAYER.name(), payerIds)) {
            out.computeIfAbsent(d.scopeId(), k -> new HashMap<>()).put(d.fieldKey(), d.fieldValue());
        }
        return out;
    }

    private void put(Map<String, String> out, PacketDetail.Scope scope, Long id) {
        for (PacketDetail d : details.findByScopeAndScopeId(scope.name(), id)) {
            out.put(d.fieldKey(), d.fieldValue());
        }
    }

    /** What is wrong with values about to be saved at a scope (unknown keys, malformed dates, ZIPs...), each naming its field. */
    public List<ApiProblem.ProblemDetail> problems(PacketDetail.Scope scope, Map<String, String> values) {
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        values.keySet().forEach(k -> {
            boolean ok = scope != PacketDetail.Scope.LINE && PacketContextFactory.DETAIL_KEYS.contains(k);
            if (!ok) {
                errors.add(new ApiProblem.ProblemDetail("values." + k, "is not a packet field at " + scope + " scope"));
                return;
            }
            String why = PacketDetailFormats.problem(k, values.get(k));
            if (why != null) {
                errors.add(new ApiProblem.ProblemDetail("values." + k, why));
            }
        });
        return errors;
    }

    /** Sets (or, with a blank value, clears) facts at one scope. Unknown keys and malformed values are refused. */
    @Transactional
    public void save(PacketDetail.Scope scope, Long scopeId, Map<String, String> values, String username) {
        if (scope == PacketDetail.Scope.LINE) {
            throw new IllegalArgumentException("line values are typed case terms (cases.CaseTerms), not packet details");
        }
        List<ApiProblem.ProblemDetail> errors = problems(scope, values);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors.size() == 1 ? errors.get(0).location() + " " + errors.get(0).message()
                    : errors.size() + " packet fields are not valid", errors);
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        values.forEach((key, value) -> {
            var existing = details.findByScopeAndScopeIdAndFieldKey(scope.name(), scopeId, key);
            if (value == null || value.isBlank()) {
                existing.ifPresent(details::delete);
            } else if (existing.isPresent()) {
                details.update(new PacketDetail(existing.get().id(), scope.name(), scopeId, key, value.trim(), username, now));
            } else {
                details.save(new PacketDetail(null, scope.name(), scopeId, key, value.trim(), username, now));
            }
        });
    }
}
