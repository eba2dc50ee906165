package io.arbiter.rules;

public enum DayType { BUSINESS, CALENDAR }
