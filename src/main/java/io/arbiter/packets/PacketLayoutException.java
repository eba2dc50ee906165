package io.arbiter.packets;

import java.util.List;

/** The packet laid out, but some content runs past its cell or the printable area (see {@link PacketFitCheck}). */
public class PacketLayoutException extends PacketTemplateException {

    private final List<String> overflow;

    public PacketLayoutException(PacketType type, List<String> overflow) {
        super(type.title() + " does not fit the page (" + type.templateName() + "): " + String.join("; ", overflow), null);
        this.overflow = List.copyOf(overflow);
    }

    public List<String> overflow() {
        return overflow;
    }
}
