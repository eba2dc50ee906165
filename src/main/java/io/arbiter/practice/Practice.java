package io.arbiter.practice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;

/** The billing entity whose claims Arbiter disputes, with its dispute preferences. */
@Serdeable
@MappedEntity("practice")
public record Practice(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String tin,
        String billingNpi,
        @Nullable String addressLine,
        @Nullable String city,
        @Nullable String state,
        @Nullable String zip,
        @Nullable String phone,
        String batesPrefix,
        @Nullable String benchmarkSet,
        String benchmarkKind,
        int benchmarkPercentile,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public static Practice create(String name, String tin, String billingNpi) {
        return new Practice(null, name, tin, billingNpi, null, null, null, null, null, "ARB", null, "BILLED", 80, null, null, null);
    }

    public Practice withAddress(String line, String city, String state, String zip, String phone) {
        return new Practice(id, name, tin, billingNpi, line, city, state, zip, phone, batesPrefix, benchmarkSet, benchmarkKind,
                benchmarkPercentile, version, createdAt, updatedAt);
    }

    public Practice withPreferences(String batesPrefix, String benchmarkSet, String benchmarkKind, int benchmarkPercentile) {
        return new Practice(id, name, tin, billingNpi, addressLine, city, state, zip, phone, batesPrefix, benchmarkSet, benchmarkKind,
                benchmarkPercentile, version, createdAt, updatedAt);
    }
}
