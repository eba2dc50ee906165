package io.arbiter.packets;

import java.util.List;

/**
 * A rendered packet: the PDF, its page count, the template version it came from, the outline titles
 * (sections then exhibits) and how long each stage took (nanoseconds) for the benchmark.
 */
public record RenderedPacket(PacketType type, byte[] pdf, int pageCount, String templateVersion,
                             List<String> bookmarks, Timings timings, List<String> overflow) {

    /** overflow: content the fit check found running past its cell or the printable area (empty when all fits). */
    public RenderedPacket {
        overflow = overflow == null ? List.of() : List.copyOf(overflow);
    }

    /** templateNanos: FreeMarker + XHTML parse; layoutNanos: Flying Saucer layout and PDF writing;
     *  assemblyNanos: exhibit conversion, merge, Bates/page stamping and outline. */
    public record Timings(long templateNanos, long layoutNanos, long assemblyNanos, int layoutPasses) {
    }
}
