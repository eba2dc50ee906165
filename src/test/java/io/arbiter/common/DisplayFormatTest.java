package io.arbiter.common;

import io.arbiter.practice.PlanType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DisplayFormatTest {

    @Test
    void moneyIsUsCurrencyWithATrueMinusSign() {
        assertEquals("$1,234.56", DisplayFormat.money(new BigDecimal("1234.56")));
        assertEquals("\u2212$410.00", DisplayFormat.money(new BigDecimal("-410")));
        assertEquals("\u2212$1,234.50", DisplayFormat.money(new BigDecimal("-1234.5")));
        assertEquals("$0.00", DisplayFormat.money(BigDecimal.ZERO));
        // −0.004 rounds to zero: no "−$0.00"
        assertEquals("$0.00", DisplayFormat.money(new BigDecimal("-0.004")));
        assertEquals("$1,000,000.01", DisplayFormat.money(new BigDecimal("1000000.005")));
        assertEquals("$12,345,678.90", DisplayFormat.money(new BigDecimal("12345678.90")));
        assertEquals("$7.00", DisplayFormat.money(7));
        assertNull(DisplayFormat.money(null));
    }

    @Test
    void datesAreMmDdYyyy() {
        assertEquals("03/07/2026", DisplayFormat.date(LocalDate.of(2026, 3, 7)));
        assertEquals("08/27/2026", DisplayFormat.date((Object) LocalDate.of(2026, 8, 27)));
        assertNull(DisplayFormat.date((Object) "2026-08-27"));
    }

    @Test
    void zipPlusFourGetsItsHyphen() {
        assertEquals("77030-1234", DisplayFormat.zip("770301234"));
        assertEquals("77030", DisplayFormat.zip("77030"));
        assertEquals("77030-1234", DisplayFormat.zip("77030-1234"));
    }

    @Test
    void icd10GetsItsDotAfterTheCategory() {
        assertEquals("G89.4", DisplayFormat.icd10("G894"));
        assertEquals("M54.16", DisplayFormat.icd10("M5416"));
        assertEquals("M47.816", DisplayFormat.icd10("m47816"));
        assertEquals("G89.4", DisplayFormat.icd10("G89.4"));
        assertEquals("R52", DisplayFormat.icd10("R52"));
    }

    @Test
    void enumsAreWords() {
        assertEquals("Self-funded ERISA plan", DisplayFormat.words(PlanType.SELF_FUNDED_ERISA));
        assertEquals("Workers' compensation", DisplayFormat.words("WORKERS_COMP"));
        assertEquals("Open negotiation started", DisplayFormat.words("OPEN_NEGOTIATION_STARTED"));
        assertEquals("IDR initiated", DisplayFormat.words("IDR_INITIATED"));
        assertEquals("Acme Health", DisplayFormat.words("Acme Health"));
    }
}
