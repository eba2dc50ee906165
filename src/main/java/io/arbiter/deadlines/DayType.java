package io.arbiter.deadlines;

public enum DayType { BUSINESS, CALENDAR }
