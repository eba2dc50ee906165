package io.arbiter.support;

import io.arbiter.common.ClockFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service clock in tests: real time until a test sets "today", so deadline and overdue logic can be
 * driven day by day. Tests that set it must call {@link #reset()} when done.
 */
public class TestClock extends Clock {

    private volatile Instant fixed;

    @Factory
    public static class TestClockFactory {
        @Singleton
        @Replaces(factory = ClockFactory.class, bean = Clock.class)
        TestClock clock() {
            return new TestClock();
        }
    }

    public void today(LocalDate date) {
        fixed = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
