package io.arbiter.packets;

import com.lowagie.text.Chapter;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import io.arbiter.common.DisplayFormat;
import io.arbiter.packets.model.PacketContext;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * 40-line batched offer brief with 5 exhibit pages (a 4-page PDF and a PNG), rendered warm.
 * Compares the template pipeline (FreeMarker → Flying Saucer → OpenPDF assembly) with a baseline that writes
 * the same content directly with OpenPDF (PdfPTable, chapters as bookmarks) and merges the same exhibits.
 * Run: see docs/performance-packets.md.
 */
public class PacketBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<PacketContext.Exhibit> exhibits = List.of(PacketFixtures.pdfExhibit("EOB batch", 4),
                PacketFixtures.pngExhibit("Scanned EOB"));
        PacketContext ctx = PacketFixtures.batchedOfferBrief(exhibits);
        PacketRenderer renderer = new PacketRenderer(new PacketTemplates(null), PacketRules.fromClasspath());

        for (int i = 0; i < warmup; i++) {
            renderer.render(PacketType.OFFER_BRIEF, ctx);
            baseline(ctx);
        }
        long[] total = new long[runs], tpl = new long[runs], layout = new long[runs], asm = new long[runs], base = new long[runs];
        int pages = 0, passes = 0, basePages = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            RenderedPacket p = renderer.render(PacketType.OFFER_BRIEF, ctx);
            total[i] = System.nanoTime() - t0;
            tpl[i] = p.timings().templateNanos();
            layout[i] = p.timings().layoutNanos();
            asm[i] = p.timings().assemblyNanos();
            pages = p.pageCount();
            passes = p.timings().layoutPasses();
            long b0 = System.nanoTime();
            basePages = baseline(ctx);
            base[i] = System.nanoTime() - b0;
        }
        System.out.printf("cores=%d java=%s lines=%d exhibitPages=5 packetPages=%d layoutPasses=%d baselinePages=%d runs=%d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), ctx.lines().size(),
                pages, passes, basePages, runs);
        row("template pipeline total", total);
        row("  FreeMarker + XHTML parse", tpl);
        row("  Flying Saucer layout + PDF", layout);
        row("  exhibits + merge + Bates + outline", asm);
        row("baseline: OpenPDF direct + same merge", base);
    }

    private static void row(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-42s median %7.1f ms   p95 %7.1f ms%n", name, s[s.length / 2] / 1e6, s[(int) (s.length * 0.95) - 1] / 1e6);
    }

    /** The same packet written with OpenPDF's element API: no templates, no layout engine. */
    static int baseline(PacketContext ctx) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.LETTER, 54, 54, 54, 68);
        PdfWriter.getInstance(doc, body);
        doc.open();
        Font h = new Font(Font.HELVETICA, 12.5f, Font.BOLD);
        Font f = new Font(Font.HELVETICA, 9f);
        doc.add(new Paragraph("Offer brief — provider offer of " + DisplayFormat.money(ctx.money().providerOffer()), new Font(Font.HELVETICA, 20f)));
        doc.add(new Paragraph("Case " + ctx.caseNumber() + " · claim " + ctx.claim().payerClaimNumber(), f));
        doc.newPage();
        Chapter items = new Chapter(new Paragraph("Items and services, QPA and offer", h), 1);
        PdfPTable t = new PdfPTable(new float[]{3, 8, 10, 4, 30, 10, 10, 8});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String c : List.of("#", "Date", "Code", "Units", "Description", "QPA", "Offer", "% of QPA")) {
            t.addCell(new Paragraph(c, f));
        }
        int n = 1;
        for (var l : ctx.lines()) {
            t.addCell(new Paragraph(String.valueOf(n++), f));
            t.addCell(new Paragraph(DisplayFormat.date(l.dateOfService()), f));
            t.addCell(new Paragraph(l.code(), f));
            t.addCell(new Paragraph(String.valueOf(l.units()), f));
            t.addCell(new Paragraph(l.description(), f));
            t.addCell(new Paragraph(DisplayFormat.money(l.qpa()), f));
            t.addCell(new Paragraph(DisplayFormat.money(l.offer()), f));
            t.addCell(new Paragraph(DisplayFormat.percentOf(l.offer(), l.qpa()), f));
        }
        items.add(t);
        doc.add(items);
        var a = ctx.arguments();
        Chapter circ = new Chapter(new Paragraph("Additional circumstances", h), 2);
        for (String s : List.of(a.serviceDescription(), a.complexity(), a.trainingAndExperience(), a.marketShare(),
                a.priorContractedRates(), a.goodFaithContracting(), a.codingJustification())) {
            circ.add(new Paragraph(s, f));
        }
        doc.add(circ);
        doc.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document merged = new Document();
        PdfCopy copy = new PdfCopy(merged, out);
        merged.open();
        int pages = 0;
        List<byte[]> parts = new java.util.ArrayList<>();
        parts.add(body.toByteArray());
        // same exhibit checks and PNG → PDF page conversion as the packet pipeline
        ExhibitPreparer.prepare(ctx.exhibits(), new java.util.ArrayList<>()).forEach(e -> parts.add(e.pdf()));
        for (byte[] part : parts) {
            PdfReader r = new PdfReader(part);
            for (int i = 1; i <= r.getNumberOfPages(); i++) {
                copy.addPage(copy.getImportedPage(r, i));
                pages++;
            }
            copy.freeReader(r);
        }
        merged.close();
        return pages;
    }
}
