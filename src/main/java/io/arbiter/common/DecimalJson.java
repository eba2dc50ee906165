package io.arbiter.common;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every decimal leaves the API with at least two decimals and never in exponent form: money reads {@code 120.00}, not
 * {@code 120} or {@code 1.2E+2}, whatever scale a computation ended with. Finer values keep their precision (a GPCI of
 * 1.023, a conversion factor of 32.3465), so a rate is never rounded to cents on the way out.
 */
@Singleton
public class DecimalJson implements Serializer<BigDecimal> {

    public static BigDecimal forJson(BigDecimal value) {
        BigDecimal v = value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value;
        return v.stripTrailingZeros().scale() > 2 ? v : v.setScale(2, RoundingMode.UNNECESSARY);
    }

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends BigDecimal> type, BigDecimal value)
            throws IOException {
        encoder.encodeBigDecimal(forJson(value));
    }
}
