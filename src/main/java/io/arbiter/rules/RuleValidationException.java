package io.arbiter.rules;

import java.util.List;

/** Thrown at start-up when a rule data file is missing or invalid; it stops the application. */
public class RuleValidationException extends RuntimeException {

    private final List<String> problems;

    public RuleValidationException(List<String> problems) {
        super("Invalid rule data (src/main/resources/rules): " + problems.size() + " problem(s):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
