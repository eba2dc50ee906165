package io.arbiter.cases;

import java.util.List;
import java.util.Map;

/**
 * Everything a case itself holds, read in one go — the read model cases publishes for documents built from a case
 * (packets): its disputed lines with their typed terms, its events, its computed deadlines, its documents and its
 * eligibility screen. Claims, parties and pricing come from their own owners.
 */
public record CaseFile(DisputeCase disputeCase, List<CaseLine> lines, Map<Long, LineTerms> terms, List<CaseEvent> events,
                       List<CaseDeadline> deadlines, List<CaseDocument> documents, List<CaseView.Gate> gates) {
}
