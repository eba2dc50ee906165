package io.arbiter.web;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the browser pages from FreeMarker templates in {@code templates/views} (editable without
 * recompiling; the copy on the classpath is the fallback). HTML auto-escaping is on and templates
 * cannot instantiate classes or reach the Java API.
 */
@Singleton
public class ViewRenderer {

    private final Configuration cfg;

    public ViewRenderer(@Value("${arbiter.views.dir:templates/views}") String dir) throws IOException {
        List<TemplateLoader> loaders = new ArrayList<>();
        File folder = new File(dir);
        if (folder.isDirectory()) {
            loaders.add(new FileTemplateLoader(folder));
        }
        loaders.add(new ClassTemplateLoader(ViewRenderer.class, "/templates/views"));
        cfg = io.arbiter.common.TemplateSandbox.configuration(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)),
                HTMLOutputFormat.INSTANCE, objectWrapper(null));
    }

    /**
     * Records reach the pages as they are (views pass records such as {@link Pages.NavItem}); their accessors are
     * properties because {@link RecordAccessorsAsProperties} says so, whatever FreeMarker's own record detection
     * does in this packaging. Package-private so a test can switch FreeMarker's off ({@code recordPolicy}
     * {@code METHOD_ONLY}, what a jar without its Java 16 classes behaves like); null keeps FreeMarker's default.
     */
    static DefaultObjectWrapper objectWrapper(@Nullable ZeroArgumentNonVoidMethodPolicy recordPolicy) {
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        if (recordPolicy != null) {
            b.setRecordZeroArgumentNonVoidMethodPolicy(recordPolicy);
        }
        b.setMethodAppearanceFineTuner(new RecordAccessorsAsProperties());
        return b.build();
    }

    public String render(String template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            // fmt: io.arbiter.common.DisplayFormat, so screens format money, dates, ZIP+4, ICD-10 and enums as packets do
            Map<String, Object> withFormat = new java.util.HashMap<>(model);
            withFormat.putIfAbsent("fmt", io.arbiter.common.DisplayFormat.INSTANCE);
            cfg.getTemplate(template).process(withFormat, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Page template " + template + " failed: " + e.getMessage(), e);
        }
    }
}
