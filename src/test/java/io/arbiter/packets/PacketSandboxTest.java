package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A practice-edited template or a hostile field value cannot run code, read files or inject markup. */
class PacketSandboxTest {

    @TempDir
    Path dir;

    private PacketRenderer rendererWithOfferBrief(String templateBody) throws Exception {
        Files.writeString(dir.resolve("offer_brief.ftl"), templateBody);
        return new PacketRenderer(new PacketTemplates(dir.toString()), PacketRules.fromClasspath());
    }

    private static final String OK_PAGE = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h2 id=\"sec-a\">A</h2><p>%s</p></body></html>";

    @Test
    void newBuiltInCannotInstantiateExecute() throws Exception {
        var r = rendererWithOfferBrief(String.format(OK_PAGE,
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + dir.resolve("pwned") + "\")}"));
        var e = assertThrows(PacketTemplateException.class,
                () -> r.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF)));
        assertTrue(e.getMessage().contains("offer_brief.ftl"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("pwned")), "Execute must not have run");
    }

    @Test
    void newBuiltInCannotInstantiateObjectConstructor() throws Exception {
        var r = rendererWithOfferBrief(String.format(OK_PAGE,
                "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>${oc(\"java.io.File\", \"/etc/passwd\")}"));
        assertThrows(PacketTemplateException.class,
                () -> r.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF)));
    }

    @Test
    void apiBuiltInIsDisabled() throws Exception {
        var r = rendererWithOfferBrief(String.format(OK_PAGE, "${claim?api.getClass().getName()}"));
        var e = assertThrows(PacketTemplateException.class,
                () -> r.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF)));
        assertTrue(e.getMessage().contains("api"), e.getMessage());
    }

    @Test
    void theObjectWrapperRefusesJavaObjects() throws Exception {
        var model = new java.util.HashMap<String, Object>();
        model.put("thing", new java.io.File("/etc/passwd"));
        var cfg = PacketTemplates.sandboxedConfiguration(new freemarker.cache.StringTemplateLoader());
        var t = new freemarker.template.Template("t", "${thing.getAbsolutePath()}", cfg);
        assertThrows(freemarker.template.TemplateException.class, () -> t.process(model, new java.io.StringWriter()));
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused() throws Exception {
        var r = rendererWithOfferBrief("<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&x;</p></body></html>");
        var e = assertThrows(PacketTemplateException.class,
                () -> r.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF)));
        assertTrue(e.getMessage().contains("well-formed XHTML"), e.getMessage());
    }

    @Test
    void localFilesCannotBePulledInAsImagesOrStyleSheets() throws Exception {
        Path secret = dir.resolve("secret.css");
        Files.writeString(secret, "body { color: red; } p::after { content: 'SECRET-FROM-DISK'; }");
        var r = rendererWithOfferBrief(String.format(OK_PAGE.replace("<body>",
                "<head><link rel=\"stylesheet\" href=\"" + secret.toUri() + "\"/></head><body><img src=\"file:///etc/hostname\"/>"), "visible"));
        RenderedPacket p = r.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF));
        String text = new PdfInspector(p.pdf()).allText();
        assertTrue(text.contains("visible"));
        assertFalse(text.contains("SECRET-FROM-DISK"), "style sheet from disk must not load");
    }

    @Test
    void markupInFieldValuesIsEscapedNotInterpreted() throws Exception {
        PacketContext base = PacketFixtures.forType(PacketType.OFFER_BRIEF);
        String hostile = "<script>alert(1)</script></td></tr></table><h2 id=\"sec-evil\">Injected</h2>";
        var patient = new PacketContext.Patient(hostile, base.patient().dateOfBirth(), base.patient().memberId(), null, null);
        PacketContext ctx = new PacketContext(base.caseNumber(), base.track(), base.preparedOn(), base.practice(), base.payer(),
                patient, base.claim(), base.lines(), base.money(), base.dates(), base.idr(), base.arguments(), null, List.of());

        var templates = new PacketTemplates(null);
        String xhtml = templates.render(PacketType.OFFER_BRIEF,
                PacketDataModel.build(PacketType.OFFER_BRIEF, ctx, PacketRules.fromClasspath(), List.of(), "LSSP"));
        assertTrue(xhtml.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h2 id=&quot;sec-evil&quot;&gt;"), "escaped in XHTML");
        assertFalse(xhtml.contains("<script>"));

        RenderedPacket p = PacketRenderingTest.RENDERER.render(PacketType.OFFER_BRIEF, ctx);
        PdfInspector pdf = new PdfInspector(p.pdf());
        assertTrue(pdf.compactText().contains("<script>alert(1)</script></td></tr></table><h2id=\"sec-evil\">Injected</h2>"),
                "printed literally as text");
        assertFalse(pdf.titles().contains("Injected"), "no injected section bookmark");
    }

    @Test
    void overrideDirectoryWinsPerFileAndChangesTheTemplateVersion() throws Exception {
        var classpathOnly = new PacketTemplates(dir.toString()); // empty override dir → classpath copies
        String shipped = classpathOnly.version(PacketType.OFFER_BRIEF);
        Files.writeString(dir.resolve("offer_brief.ftl"), String.format(OK_PAGE, "Practice edition for ${claim.payerClaimNumber}"));
        var overridden = new PacketTemplates(dir.toString());
        assertNotEquals(shipped, overridden.version(PacketType.OFFER_BRIEF));
        assertEquals(classpathOnly.version(PacketType.WC_MFDR), overridden.version(PacketType.WC_MFDR));
        var r = new PacketRenderer(overridden, PacketRules.fromClasspath());
        String text = new PdfInspector(r.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF)).pdf()).allText();
        assertTrue(text.contains("Practice edition for " + PacketFixtures.CLAIM_NO));
        // other packet types still come from the shipped copies
        assertTrue(new PdfInspector(r.render(PacketType.WC_MFDR, PacketFixtures.forType(PacketType.WC_MFDR)).pdf())
                .allText().contains("Table of disputed services"));
    }
}
