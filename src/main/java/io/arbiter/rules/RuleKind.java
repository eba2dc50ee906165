package io.arbiter.rules;

/** What a rule entry describes; each kind has its own required parameters (checked by {@link RuleValidator}). */
public enum RuleKind {
    DEADLINE, FEE, VALUE, CODE_LIST, HOLIDAY, CLOSURE
}
