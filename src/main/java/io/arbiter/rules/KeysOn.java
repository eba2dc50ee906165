package io.arbiter.rules;

/** The date a rule version is chosen by (domain README: "the date it keys on"). */
public enum KeysOn {
    DATE_OF_SERVICE, INITIATION_DATE, OPEN_NEGOTIATION_START, TRIGGER_DATE, HOLIDAY_DATE
}
