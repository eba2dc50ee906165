package io.arbiter.packets;

/**
 * A template is broken or tried something the sandbox forbids (?new, ?api, external resources, a value
 * the data model does not expose). Not the user's data: the HTTP layer maps it to 500 and the practice's
 * template editor shows the message.
 */
public class PacketTemplateException extends RuntimeException {

    public PacketTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
