package io.arbiter.deadlines;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** {@code arbiter.deadlines.*}: configurable defaults for UNVERIFIED or announcement-triggered rules. */
@ConfigurationProperties("arbiter.deadlines")
public class DeadlineSettings {

    /**
     * Portal-based open negotiation (2026 rule) starts only after a CMS announcement; set the date it
     * applies from to get OPEN_NEGOTIATION_RESPONSE_DUE for ONPs starting on or after it. Off by default.
     */
    private @Nullable LocalDate portalOpenNegotiationFrom;
    /** Texas WC reconsideration: 10 months (cited copy of 28 TAC §133.250) or 11 (commonly assumed). */
    private int wcReconsiderationMonths = 10;

    public @Nullable LocalDate getPortalOpenNegotiationFrom() {
        return portalOpenNegotiationFrom;
    }

    public void setPortalOpenNegotiationFrom(@Nullable LocalDate portalOpenNegotiationFrom) {
        this.portalOpenNegotiationFrom = portalOpenNegotiationFrom;
    }

    public int getWcReconsiderationMonths() {
        return wcReconsiderationMonths;
    }

    public void setWcReconsiderationMonths(int wcReconsiderationMonths) {
        this.wcReconsiderationMonths = wcReconsiderationMonths;
    }
}
