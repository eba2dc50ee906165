package io.arbiter.packets;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Finds and runs packet templates in a sandboxed FreeMarker configuration.
 *
 * <p>Lookup order: the directory in {@code arbiter.packets.template-dir} when set; otherwise
 * {@code ./templates/packets} when the service runs from a checkout; then the copies packed into the jar
 * ({@code classpath:/templates/packets}). A file found earlier wins, so a practice can override one template.
 *
 * <p>Sandbox: XHTML output format with auto-escaping (every field value is escaped), {@code ?new} resolves
 * nothing, {@code ?api} is off, and the object wrapper exposes only strings, numbers, booleans, lists and
 * maps — any other Java object is refused — so neither a template nor a field value can reach Java code.
 */
@Singleton
public class PacketTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(PacketTemplates.class);

    /** Shared macros every packet template imports; part of each template's version hash. */
    public static final String LAYOUT = "_layout.ftl";

    private final Configuration cfg;
    private final TemplateLoader loader;
    private final String description;

    public PacketTemplates(@Nullable @Value("${arbiter.packets.template-dir:}") String templateDir) {
        try {
            List<TemplateLoader> loaders = new ArrayList<>();
            Path dir = null;
            if (templateDir != null && !templateDir.isBlank()) {
                dir = Path.of(templateDir);
                if (!Files.isDirectory(dir)) {
                    throw new IllegalStateException("arbiter.packets.template-dir " + templateDir + " is not a directory");
                }
            } else if (Files.isDirectory(Path.of("templates", "packets"))) {
                dir = Path.of("templates", "packets");
            }
            if (dir != null) {
                loaders.add(new FileTemplateLoader(dir.toFile()));
            }
            loaders.add(new ClassTemplateLoader(PacketTemplates.class, "/templates/packets"));
            this.loader = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
            this.description = (dir == null ? "" : dir.toAbsolutePath() + " then ") + "classpath:/templates/packets";
            LOG.info("Packet templates from {}", description);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open packet template directory " + templateDir, e);
        }
        this.cfg = sandboxedConfiguration(loader);
    }

    static Configuration sandboxedConfiguration(TemplateLoader loader) {
        Configuration c = io.arbiter.common.TemplateSandbox.configuration(loader, XHTMLOutputFormat.INSTANCE, new RestrictedObjectWrapper());
        c.setRecognizeStandardFileExtensions(false);
        // Practices edit templates while the service runs: re-check the file at most every 2 s.
        c.setTemplateUpdateDelayMilliseconds(2000);
        return c;
    }

    /** Only plain data reaches templates; beans, classes and records are refused. */
    static final class RestrictedObjectWrapper extends DefaultObjectWrapper {
        RestrictedObjectWrapper() {
            super(Configuration.VERSION_2_3_34);
            setExposureLevel(EXPOSE_NOTHING);
        }

        @Override
        protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
            throw new TemplateModelException("Packet templates only see text, numbers, booleans, lists and maps; "
                    + obj.getClass().getSimpleName() + " is not exposed");
        }
    }

    /** Where templates are looked up, for logs and docs. */
    public String description() {
        return description;
    }

    /** Renders the packet type's template with the model into an XHTML string. */
    public String render(PacketType type, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(type.templateName());
            StringWriter out = new StringWriter(32 * 1024);
            t.process(model, out);
            return out.toString();
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new PacketTemplateException("No template " + type.templateName() + " in " + description, e);
        } catch (freemarker.template.TemplateException | IOException e) {
            throw new PacketTemplateException("Template " + type.templateName() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The template version stored with each packet: "sha256:" + the first 16 hex digits of SHA-256 over the
     * packet's template text and the shared layout, so any edit of either changes it.
     */
    public String version(PacketType type) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : List.of(type.templateName(), LAYOUT)) {
                md.update(source(name).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String source(String name) {
        try {
            Object src = loader.findTemplateSource(name);
            if (src == null) {
                return "";
            }
            try (Reader r = loader.getReader(src, "UTF-8")) {
                StringWriter w = new StringWriter();
                r.transferTo(w);
                return w.toString();
            } finally {
                loader.closeTemplateSource(src);
            }
        } catch (IOException e) {
            throw new PacketTemplateException("cannot read template " + name, e);
        }
    }
}
