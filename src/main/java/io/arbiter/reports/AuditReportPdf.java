package io.arbiter.reports;

import io.arbiter.common.DisplayFormat;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import io.arbiter.practice.Practices;
import jakarta.inject.Singleton;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.CSSResource;
import org.xhtmlrenderer.resource.ImageResource;
import org.xhtmlrenderer.resource.XMLResource;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the audit report as PDF in the packets' style: templates/reports/audit.ftl (a checkout's
 * ./templates/reports first, then the copy in the jar) through a sandboxed FreeMarker configuration — XHTML
 * auto-escaping, ?new resolves nothing, ?api off, only strings/lists/maps in the model — then Flying Saucer on
 * OpenPDF with every external resource refused.
 */
@Singleton
public class AuditReportPdf {

    private final Configuration cfg;
    private final Practices practices;

    public AuditReportPdf(Practices practices) throws IOException {
        this.practices = practices;
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(Path.of("templates", "reports"))) {
            loaders.add(new FileTemplateLoader(Path.of("templates", "reports").toFile()));
        }
        loaders.add(new ClassTemplateLoader(AuditReportPdf.class, "/templates/reports"));
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(io.arbiter.common.TemplateSandbox.VERSION);
        wrapper.setExposeFields(false);
        Configuration c = io.arbiter.common.TemplateSandbox.configuration(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)),
                XHTMLOutputFormat.INSTANCE, wrapper.build());
        this.cfg = c;
    }

    public byte[] render(AuditReport.Report r) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("practice", practices.findFirstOrderById().map(p -> p.name()).orElse("Practice"));
        model.put("period", (r.from() == null ? "start" : DisplayFormat.date(r.from())) + " – " + (r.to() == null ? "today" : DisplayFormat.date(r.to())));
        model.put("claims", String.valueOf(r.claims()));
        model.put("generated", DisplayFormat.date(r.generated()));
        AuditReport.Totals t = r.totals();
        model.put("summary", List.of(row("Underpayments", t.underpayments(), t.underpaid()), row("Denials", t.denials(), t.denied()),
                row("Prior-authorization gaps", t.authGaps(), t.authGapCharges()), row("Coding-rule hits", t.codingHits(), t.codingCharges())));
        model.put("total", DisplayFormat.money(t.total()));
        model.put("recoverable", DisplayFormat.money(t.recoverable()));
        model.put("recovered", DisplayFormat.money(t.recovered()));
        model.put("appealable", DisplayFormat.money(t.appealableDenied()));
        model.put("recoveryRate", t.recoveryRatePercent() == null ? "n/a" : t.recoveryRatePercent().toPlainString() + "%");
        model.put("appealedRate", t.appealedRecoveryRatePercent() == null ? "n/a" : t.appealedRecoveryRatePercent().toPlainString() + "%");
        model.put("underpayments", groups(r.underpaymentsByPayerAndCode()));
        model.put("denials", groups(r.denialsByCategory()));
        model.put("authGaps", groups(r.authGapsByFlag()));
        model.put("coding", groups(r.codingHitsByRule()));
        model.put("items", r.items().stream().map(i -> Map.of("section", i.section(), "claim", String.valueOf(i.claimId()),
                "code", i.code() == null ? "" : i.code(), "rule", i.rule(), "amount", DisplayFormat.money(i.amount()))).toList());
        model.put("notes", r.notes());
        model.put("citations", r.citations().stream().map(c -> c.toString() + (c.unverified() ? " [UNVERIFIED]" : "")).toList());
        try {
            StringWriter out = new StringWriter();
            cfg.getTemplate("audit.ftl").process(model, out);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Flying Saucer recognises XHTML (and applies its <style>) only on a namespace-aware DOM.
            f.setNamespaceAware(true);
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            Document dom = f.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
            ITextOutputDevice device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
            ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                    new io.arbiter.packets.PacketRenderer.NoExternalResources(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL));
            io.arbiter.packets.PacketFonts.register(renderer);
            renderer.setDocument(dom, "about:blank");
            renderer.layout();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            renderer.createPDF(pdf);
            return pdf.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("audit report could not be rendered: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> row(String label, int count, BigDecimal amount) {
        return Map.of("label", label, "count", String.valueOf(count), "amount", DisplayFormat.money(amount));
    }

    private static List<Map<String, String>> groups(List<AuditReport.Group> gs) {
        return gs.stream().map(g -> Map.of("group", g.group(), "subgroup", g.subgroup() == null ? "" : g.subgroup(),
                "count", String.valueOf(g.count()), "amount", DisplayFormat.money(g.amount()),
                "recoverable", g.recoverable() == null ? "" : DisplayFormat.money(g.recoverable()))).toList();
    }

}
