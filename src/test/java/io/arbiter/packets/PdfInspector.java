package io.arbiter.packets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Opens a generated packet with PDFBox (an independent reader) and exposes pages, text and outline. */
final class PdfInspector {

    /** One outline entry: title, 1-based target page, nesting depth (0 = top level). */
    record Bookmark(String title, int page, int depth) {
    }

    final int pageCount;
    final List<String> pageTexts = new ArrayList<>();
    final List<Bookmark> bookmarks = new ArrayList<>();

    PdfInspector(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pageCount = doc.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= pageCount; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pageTexts.add(stripper.getText(doc));
            }
            var outline = doc.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                for (PDOutlineItem item : outline.children()) {
                    walk(doc, item, 0);
                }
            }
        }
    }

    private void walk(PDDocument doc, PDOutlineItem item, int depth) throws IOException {
        var page = item.findDestinationPage(doc);
        bookmarks.add(new Bookmark(item.getTitle(), page == null ? -1 : doc.getPages().indexOf(page) + 1, depth));
        for (PDOutlineItem child : item.children()) {
            walk(doc, child, depth + 1);
        }
    }

    String allText() {
        return String.join("\n", pageTexts);
    }

    /** Text without any whitespace, so values wrapped inside narrow table cells still match. */
    String compactText() {
        return allText().replaceAll("\\s+", "");
    }

    List<String> titles() {
        return bookmarks.stream().map(Bookmark::title).toList();
    }

    Bookmark bookmark(String title) {
        return bookmarks.stream().filter(b -> b.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no bookmark '" + title + "' in " + titles()));
    }
}
