package io.arbiter.cases;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.stream.Collectors;

/** A case refused an event: 409 for a stage that does not allow it, 422 for bad event data. */
public class CaseRuleViolation extends ApiException {

    private CaseRuleViolation(HttpStatus status, String title, String detail, List<ApiProblem.ProblemDetail> errors) {
        super(status, title, detail, errors);
    }

    static CaseRuleViolation notAllowed(DisputeCase c, CaseWorkflow workflow, CaseEventType type) {
        String allowed = workflow.allowedEvents(c.getStage()).stream().map(Enum::name).collect(Collectors.joining(", "));
        return new CaseRuleViolation(HttpStatus.CONFLICT, "Conflict",
                type + " is not possible while case " + c.getCaseNumber() + " is " + c.getStage()
                        + " on the " + c.getTrack() + " track. Allowed now: " + allowed + ".",
                List.of(new ApiProblem.ProblemDetail("type", type + " not allowed in stage " + c.getStage())));
    }

    public static CaseRuleViolation invalid(String field, String message) {
        return new CaseRuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Entity", field + " " + message,
                List.of(new ApiProblem.ProblemDetail(field, message)));
    }

    public static CaseRuleViolation invalid(String detail, List<ApiProblem.ProblemDetail> errors) {
        return new CaseRuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Entity", detail, errors);
    }
}
