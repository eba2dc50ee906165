package io.arbiter.packets;

import org.w3c.dom.Element;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * After Flying Saucer's layout, finds content a reader would not see whole: a block (table, row, cell,
 * paragraph) whose right edge runs past the printable area, or a text run that runs past the cell or block
 * holding it (a no-wrap amount spilling over the next column or off the page). Flying Saucer clips nothing
 * itself — it lets such text run off the page edge, which is how "$2,022." lost its cents.
 *
 * <p>Coordinates are layout dots; the printable area is the page's content box, x from 0 to the root
 * box's width.
 */
final class PacketFitCheck {

    /** Half a point: rounding in the layout never reports a problem. */
    private static final int TOLERANCE_DOTS = Math.round(org.xhtmlrenderer.pdf.ITextRenderer.DEFAULT_DOTS_PER_POINT / 2f);

    /** One piece of content that does not fit: the element (tag, class, text) and by how much, in points. */
    record Overflow(String element, String text, String where, float points) {
        @Override
        public String toString() {
            return element + " \"" + text + "\" runs " + String.format(java.util.Locale.ROOT, "%.1f", points) + " pt past " + where;
        }
    }

    /** Containers whose overflow is reported through the cell or block inside them that overflows. */
    private static final Set<String> CONTAINERS = Set.of("html", "body", "table", "thead", "tbody", "tfoot", "tr");

    private PacketFitCheck() {
    }

    static List<Overflow> check(BlockBox root) {
        int printableRight = root.getAbsX() + root.getWidth();
        Set<String> seen = new LinkedHashSet<>();
        List<Overflow> out = new ArrayList<>();
        walk(root, printableRight, out, seen);
        return out;
    }

    private static void walk(Box box, int printableRight, List<Overflow> out, Set<String> seen) {
        if (box instanceof BlockBox && box.getElement() != null && !CONTAINERS.contains(box.getElement().getLocalName())) {
            int right = box.getAbsX() + box.getWidth();
            if (right > printableRight + TOLERANCE_DOTS) {
                add(out, seen, box.getElement(), text(box.getElement()), "the printable area", right - printableRight);
            }
        }
        if (box instanceof LineBox line) {
            Box holder = line.getParent();
            int limit = holder == null ? printableRight : Math.min(printableRight, holder.getAbsX() + holder.getWidth());
            for (Box child : line.getChildren()) {
                if (child instanceof InlineLayoutBox ilb) {
                    inline(ilb, limit, holder, printableRight, out, seen);
                }
            }
        }
        for (Box child : box.getChildren()) {
            walk(child, printableRight, out, seen);
        }
    }

    private static void inline(InlineLayoutBox ilb, int limit, Box holder, int printableRight, List<Overflow> out, Set<String> seen) {
        for (Object o : ilb.getInlineChildren()) {
            if (o instanceof InlineText t && !t.isEmpty()) {
                int right = ilb.getAbsX() + t.getX() + t.getWidth();
                if (right > limit + TOLERANCE_DOTS) {
                    Element e = holder != null && holder.getElement() != null ? holder.getElement() : ilb.getElement();
                    String where = limit < printableRight ? "its " + (e == null ? "box" : e.getLocalName()) : "the printable area";
                    add(out, seen, e, t.getSubstring().trim(), where, right - limit);
                }
            } else if (o instanceof InlineLayoutBox nested) {
                inline(nested, limit, holder, printableRight, out, seen);
            } else if (o instanceof BlockBox b) {
                walk(b, printableRight, out, seen);
            }
        }
    }

    private static void add(List<Overflow> out, Set<String> seen, Element e, String text, String where, int dots) {
        String element = describe(e);
        String shortText = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        // A table running off the page also reports each row and cell beyond it: the innermost report is kept
        // per element and text, so the list names what a reader loses rather than every container.
        if (seen.add(element + "|" + shortText + "|" + where)) {
            out.add(new Overflow(element, shortText, where, dots / org.xhtmlrenderer.pdf.ITextRenderer.DEFAULT_DOTS_PER_POINT));
        }
    }

    private static String describe(Element e) {
        if (e == null) {
            return "(anonymous box)";
        }
        StringBuilder sb = new StringBuilder("<").append(e.getLocalName());
        if (!e.getAttribute("id").isBlank()) {
            sb.append(" id=\"").append(e.getAttribute("id")).append('"');
        }
        if (!e.getAttribute("class").isBlank()) {
            sb.append(" class=\"").append(e.getAttribute("class")).append('"');
        }
        return sb.append('>').toString();
    }

    private static String text(Element e) {
        return e.getTextContent() == null ? "" : e.getTextContent().trim().replaceAll("\\s+", " ");
    }
}
