package io.arbiter.packets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A packet cannot be generated because required data is missing or an exhibit is unusable. Each error names
 * the field (e.g. {@code claim.payerClaimNumber}, {@code lines[2].qpa}, {@code exhibits[1]}) and says where
 * to enter or fix it. The HTTP layer maps it to 422 with one problem detail per error
 * ({@code location} = field, {@code message} = message).
 */
public class PacketValidationException extends RuntimeException {

    @io.micronaut.serde.annotation.Serdeable
    public record FieldError(String field, String message) {
    }

    private final PacketType type;
    private final List<FieldError> errors;

    public PacketValidationException(PacketType type, List<FieldError> errors) {
        super((type == null ? "Packet" : type.title()) + " cannot be generated: "
                + errors.stream().map(FieldError::field).collect(Collectors.joining(", ")));
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public PacketType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
