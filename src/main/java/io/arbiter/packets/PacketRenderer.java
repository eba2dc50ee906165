package io.arbiter.packets;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import io.arbiter.packets.model.PacketContext;
import jakarta.inject.Singleton;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.pdf.PagePosition;
import org.xhtmlrenderer.resource.CSSResource;
import org.xhtmlrenderer.resource.ImageResource;
import org.xhtmlrenderer.resource.XMLResource;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a packet: validate → FreeMarker (sandboxed) → XHTML → Flying Saucer layout → PDF body, then
 * OpenPDF merges the exhibits, stamps every page (case number, "Page i of n", Bates number) and writes the
 * outline (one bookmark per section, one per exhibit under "Exhibits").
 *
 * <p>Template contract: the XHTML has no DOCTYPE (external entities are refused); every element whose id
 * starts with {@code sec-} is a section — it gets a bookmark titled by its {@code data-title} attribute or
 * its text. The template's table of contents links to {@code #sec-...} and shows Flying Saucer's
 * {@code target-counter(attr(href), page)}; exhibit start pages come from the model ({@code exhibits[].startPage}),
 * which needs a second layout pass once the body's page count is known.
 */
@Singleton
public class PacketRenderer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PacketRenderer.class);
    private static final Pattern SECTION_ID = Pattern.compile("sec-.*");
    private static final String BASE_URL = "about:arbiter-packet";
    /** Top-level outline entry holding one bookmark per exhibit. */
    public static final String EXHIBITS_BOOKMARK = "Attached exhibits";
    /** Body pages from which a packet opens with a cover page and a table of contents. */
    public static final int COVER_MIN_PAGES = 3;

    private final PacketTemplates templates;
    private final PacketRules rules;
    private final boolean failOnOverflow;

    /** Strict: a packet with content past its cell or the page fails (tests and tools construct it this way). */
    public PacketRenderer(PacketTemplates templates, PacketRules rules) {
        this(templates, rules, true);
    }

    /**
     * @param failOnOverflow when false (production default) content that does not fit is logged and returned
     *                       in {@link RenderedPacket#overflow()} rather than refusing the download: a practice
     *                       that edited a template still gets its document, with the problem named.
     */
    @jakarta.inject.Inject
    public PacketRenderer(PacketTemplates templates, PacketRules rules,
                          @io.micronaut.context.annotation.Value("${arbiter.packets.fail-on-overflow:false}") boolean failOnOverflow) {
        this.templates = templates;
        this.rules = rules;
        this.failOnOverflow = failOnOverflow;
    }

    /** The version stored with a packet of this type; changes with any edit of its template or the layout. */
    public String templateVersion(PacketType type) {
        return templates.version(type);
    }

    /**
     * Validates the context against the type's required fields and the exhibits, then renders the PDF.
     *
     * @throws PacketValidationException listing every missing field / unusable exhibit
     * @throws PacketTemplateException   when the template is broken or breaks the sandbox
     */
    public RenderedPacket render(PacketType type, PacketContext ctx) {
        List<PacketValidationException.FieldError> errors = new ArrayList<>(RequiredFields.check(type, ctx));
        long t0 = System.nanoTime();
        List<ExhibitPreparer.Prepared> exhibits = ExhibitPreparer.prepare(ctx.exhibits(), errors);
        long exhibitNanos = System.nanoTime() - t0;
        if (!errors.isEmpty()) {
            throw new PacketValidationException(type, errors);
        }
        String prefix = ctx.practice().batesPrefix().trim();

        long templateNanos = 0;
        long layoutNanos = 0;
        int passes = 0;
        List<PacketDataModel.ExhibitSlot> slots = slots(exhibits, 0);
        ITextRenderer renderer;
        org.w3c.dom.Document dom;
        int bodyPages = -1;
        boolean withCover = false;
        while (true) {
            passes++;
            long a = System.nanoTime();
            Map<String, Object> model = PacketDataModel.build(type, ctx, rules, slots, prefix, withCover);
            String xhtml = templates.render(type, model);
            dom = parse(type, xhtml);
            long b = System.nanoTime();
            renderer = newRenderer();
            renderer.setDocument(dom, BASE_URL);
            renderer.layout();
            int pages = renderer.getRootBox().getLayer().getPages().size();
            layoutNanos += System.nanoTime() - b;
            templateNanos += b - a;
            // A cover and contents page only for a document of COVER_MIN_PAGES or more: the first pass lays
            // out the body alone and decides.
            if (!withCover && pages >= COVER_MIN_PAGES) {
                withCover = true;
                continue;
            }
            // Exhibit page numbers printed in the contents depend on the body's length; one more pass
            // settles them (a third only if printing them changed the body's page count).
            if (exhibits.isEmpty() || pages == bodyPages || passes >= 4) {
                bodyPages = pages;
                break;
            }
            bodyPages = pages;
            slots = slots(exhibits, pages);
        }

        List<String> overflow = PacketFitCheck.check(renderer.getRootBox()).stream().map(Object::toString).toList();
        if (!overflow.isEmpty()) {
            if (failOnOverflow) {
                throw new PacketLayoutException(type, overflow);
            }
            LOG.warn("Packet {} for case {} has content that does not fit the page: {}", type, ctx.caseNumber(), overflow);
        }

        long c = System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        try {
            renderer.createPDF(body);
        } catch (Exception e) {
            throw new PacketTemplateException("Template " + type.templateName() + " could not be laid out: " + e.getMessage(), e);
        }
        Map<String, Integer> sectionPages = new HashMap<>();
        for (PagePosition pos : renderer.findPagePositionsByID(SECTION_ID)) {
            sectionPages.putIfAbsent(pos.getId(), pos.getPageNo() + 1);
        }
        layoutNanos += System.nanoTime() - c;

        long d = System.nanoTime();
        Map<String, String> sectionTitles = sectionTitles(dom);
        List<Map<String, Object>> outline = new ArrayList<>();
        List<String> bookmarkTitles = new ArrayList<>();
        sectionTitles.forEach((id, title) -> {
            Integer page = sectionPages.get(id);
            if (page != null) {
                outline.add(bookmark(title, page));
                bookmarkTitles.add(title);
            }
        });
        if (!exhibits.isEmpty()) {
            List<Map<String, Object>> kids = new ArrayList<>();
            int start = bodyPages + 1;
            for (var e : exhibits) {
                String title = "Exhibit " + e.letter() + " — " + e.title();
                kids.add(bookmark(title, start));
                bookmarkTitles.add(title);
                start += e.pageCount();
            }
            Map<String, Object> parent = bookmark(EXHIBITS_BOOKMARK, bodyPages + 1);
            parent.put("Kids", kids);
            outline.add(parent);
            bookmarkTitles.add(bookmarkTitles.size() - exhibits.size(), EXHIBITS_BOOKMARK);
        }
        byte[] pdf = assemble(body.toByteArray(), exhibits, outline, ctx.caseNumber(), prefix, type.title());
        long assemblyNanos = System.nanoTime() - d + exhibitNanos;
        int total = bodyPages + exhibits.stream().mapToInt(ExhibitPreparer.Prepared::pageCount).sum();
        return new RenderedPacket(type, pdf, total, templates.version(type), List.copyOf(bookmarkTitles),
                new RenderedPacket.Timings(templateNanos, layoutNanos, assemblyNanos, passes), overflow);
    }

    private static List<PacketDataModel.ExhibitSlot> slots(List<ExhibitPreparer.Prepared> exhibits, int bodyPages) {
        List<PacketDataModel.ExhibitSlot> out = new ArrayList<>();
        int start = bodyPages + 1;
        for (var e : exhibits) {
            out.add(new PacketDataModel.ExhibitSlot(e.letter(), e.title(), e.pageCount(), bodyPages == 0 ? 0 : start));
            start += e.pageCount();
        }
        return out;
    }

    private static Map<String, Object> bookmark(String title, int page) {
        Map<String, Object> m = new HashMap<>();
        m.put("Title", title);
        m.put("Action", "GoTo");
        m.put("Page", page + " Fit");
        return m;
    }

    /** Parses the template output without DTDs or external entities (a template cannot read local files). */
    private static org.w3c.dom.Document parse(PacketType type, String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (Exception e) {
            throw new PacketTemplateException("Template " + type.templateName() + " did not produce well-formed XHTML: "
                    + e.getMessage(), e);
        }
    }

    private static ITextRenderer newRenderer() {
        ITextOutputDevice device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        NoExternalResources agent = new NoExternalResources(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, agent);
        PacketFonts.register(renderer);
        return renderer;
    }

    /** Templates may not load anything (images, style sheets, fonts, documents) from files or the network;
     *  only inline data: images are allowed. */
    public static final class NoExternalResources extends ITextUserAgent {
        private static final String DEFAULT_CSS = defaultCss();

        private static String defaultCss() {
            java.net.URL u = org.xhtmlrenderer.simple.extend.XhtmlCssOnlyNamespaceHandler.class
                    .getResource("/resources/css/XhtmlNamespaceHandler.css");
            return u == null ? null : u.toExternalForm();
        }

        public NoExternalResources(ITextOutputDevice device, int dotsPerPixel) {
            super(device, dotsPerPixel);
        }

        @Override
        public ImageResource getImageResource(String uri) {
            // Inline data: images (a practice logo) are self-contained; every other URI is refused.
            if (uri != null && uri.startsWith("data:image/")) {
                return super.getImageResource(uri);
            }
            return new ImageResource(uri, null);
        }

        @Override
        public CSSResource getCSSResource(String uri) {
            // Flying Saucer's own default style sheet (inside its jar) is the only one loaded.
            if (DEFAULT_CSS != null && DEFAULT_CSS.equals(uri)) {
                return super.getCSSResource(uri);
            }
            return new CSSResource(new ByteArrayInputStream(new byte[0]));
        }

        @Override
        public XMLResource getXMLResource(String uri) {
            throw new PacketTemplateException("Packet templates may not load documents (" + uri + ")", null);
        }

        @Override
        public byte[] getBinaryResource(String uri) {
            return null;
        }
    }

    /** Section id → bookmark title, in document order. */
    private static Map<String, String> sectionTitles(org.w3c.dom.Document dom) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(dom.getDocumentElement(), out);
        return out;
    }

    private static void collect(Node n, Map<String, String> out) {
        if (n instanceof Element e) {
            String id = e.getAttribute("id");
            if (id.startsWith("sec-")) {
                String title = e.getAttribute("data-title");
                out.put(id, title.isBlank() ? e.getTextContent().trim().replaceAll("\\s+", " ") : title);
            }
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, out);
        }
    }

    /** Merges body and exhibits, stamps the footer on every page and writes the outline. */
    private static byte[] assemble(byte[] body, List<ExhibitPreparer.Prepared> exhibits, List<Map<String, Object>> outline,
                                   String caseNumber, String batesPrefix, String title) {
        try {
            byte[] merged;
            if (exhibits.isEmpty()) {
                merged = body;
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2);
                Document doc = new Document();
                PdfCopy copy = new PdfCopy(doc, out);
                doc.open();
                List<byte[]> parts = new ArrayList<>();
                parts.add(body);
                exhibits.forEach(e -> parts.add(e.pdf()));
                for (byte[] part : parts) {
                    PdfReader r = new PdfReader(part);
                    for (int i = 1; i <= r.getNumberOfPages(); i++) {
                        copy.addPage(copy.getImportedPage(r, i));
                    }
                    copy.freeReader(r);
                    r.close();
                }
                doc.close();
                merged = out.toByteArray();
            }
            PdfReader reader = new PdfReader(merged);
            ByteArrayOutputStream out = new ByteArrayOutputStream(merged.length + 16 * 1024);
            PdfStamper stamper = new PdfStamper(reader, out);
            BaseFont font = PacketFonts.regular();
            int n = reader.getNumberOfPages();
            for (int i = 1; i <= n; i++) {
                Rectangle size = reader.getPageSizeWithRotation(i);
                PdfContentByte cb = stamper.getOverContent(i);
                String bates = PacketDataModel.bates(batesPrefix, i);
                float fs = 8f;
                float y = size.getBottom() + 22f;
                float batesWidth = font.getWidthPoint(bates, fs + 1);
                // White box behind the Bates number so it stays legible on scanned exhibits.
                cb.saveState();
                cb.setRGBColorFill(255, 255, 255);
                cb.rectangle(size.getRight() - 40f - batesWidth - 3f, y - 3f, batesWidth + 6f, fs + 6f);
                cb.fill();
                cb.restoreState();
                cb.beginText();
                cb.setFontAndSize(font, fs);
                cb.setRGBColorFill(64, 64, 64);
                cb.showTextAligned(PdfContentByte.ALIGN_LEFT, "Case " + caseNumber, size.getLeft() + 40f, y, 0);
                cb.showTextAligned(PdfContentByte.ALIGN_CENTER, "Page " + i + " of " + n,
                        (size.getLeft() + size.getRight()) / 2f, y, 0);
                cb.setFontAndSize(font, fs + 1);
                cb.setRGBColorFill(0, 0, 0);
                cb.showTextAligned(PdfContentByte.ALIGN_RIGHT, bates, size.getRight() - 40f, y, 0);
                cb.endText();
            }
            stamper.setOutlines(outline);
            stamper.getWriter().setViewerPreferences(com.lowagie.text.pdf.PdfWriter.PageModeUseOutlines);
            Map<String, String> info = new HashMap<>();
            info.put("Title", title + " — " + caseNumber);
            info.put("Creator", "Arbiter");
            stamper.setInfoDictionary(info);
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (PacketTemplateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("packet assembly failed: " + e.getMessage(), e);
        }
    }
}
