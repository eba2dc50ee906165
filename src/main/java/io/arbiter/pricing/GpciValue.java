package io.arbiter.pricing;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Geographic practice cost indices of one Medicare locality. */
@Serdeable
public record GpciValue(String mac, String state, String locality, String localityName,
                        BigDecimal work, BigDecimal pe, BigDecimal mp) {
}
