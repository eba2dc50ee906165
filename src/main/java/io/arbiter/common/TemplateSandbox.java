package io.arbiter.common;

import freemarker.cache.TemplateLoader;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateExceptionHandler;

import java.util.Locale;
import java.util.TimeZone;

/**
 * The one FreeMarker set-up for every template a practice may edit (screens, packets, reports): templates cannot
 * create Java objects ({@code ?new} resolves nothing), reach the Java API ({@code ?api} off) or see more of a model than
 * its wrapper exposes; output is auto-escaped for its format; errors are rethrown, never written into a document; and
 * numbers, booleans, dates and locale are fixed so a template renders the same on every machine.
 */
public final class TemplateSandbox {

    public static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    private TemplateSandbox() {
    }

    public static Configuration configuration(TemplateLoader loader, OutputFormat format, ObjectWrapper wrapper) {
        Configuration c = new Configuration(VERSION);
        c.setTemplateLoader(loader);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setURLEscapingCharset("UTF-8");
        c.setLocalizedLookup(false);
        c.setOutputFormat(format);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(wrapper);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setLocale(Locale.US);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        return c;
    }
}
