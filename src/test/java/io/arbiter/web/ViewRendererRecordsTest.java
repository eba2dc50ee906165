package io.arbiter.web;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Page templates read records' components as properties whatever the packaging. FreeMarker's own record support
 * lives in its multi-release classes; with it switched off ({@code METHOD_ONLY} for records — what a jar without
 * {@code Multi-Release: true} gave, issue 19) the layout's {@code item.href} failed as "method+sequence".
 */
class ViewRendererRecordsTest {

    private static final String NAV = "<#list nav as item>${item.href}|${item.label}|${item.active?c}|${item.label?length};</#list>";

    @Test
    void recordComponentsAreProperties_evenWhenFreeMarkerDoesNotRecogniseRecords() throws Exception {
        DefaultObjectWrapper wrapper = ViewRenderer.objectWrapper(ZeroArgumentNonVoidMethodPolicy.METHOD_ONLY);
        String out = render(wrapper, NAV, Map.of("nav", List.of(new Pages.NavItem("/ui/queue", "Work queue", true),
                new Pages.NavItem("/ui/claims", "Claims", false))));
        assertEquals("/ui/queue|Work queue|true|10;/ui/claims|Claims|false|6;", out);
    }

    @Test
    void withoutTheExplicitRule_theSameTemplateFails_asInThePackagedJar() {
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        b.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.METHOD_ONLY);
        TemplateException e = assertThrows(TemplateException.class, () -> render(b.build(), NAV,
                Map.of("nav", List.of(new Pages.NavItem("/ui/queue", "Work queue", true)))));
        assertTrue(e.getMessage().contains("method"), e.getMessage());
    }

    private static String render(DefaultObjectWrapper wrapper, String source, Map<String, Object> model)
            throws IOException, TemplateException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setObjectWrapper(wrapper);
        StringWriter w = new StringWriter();
        new Template("t", new StringReader(source), cfg).process(model, w);
        return w.toString();
    }
}
