package dev.surmbench.report.render;

import dev.surmbench.results.AtomicFiles;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ReportView} with the FreeMarker templates of {@code report-templates/}:
 * {@code index.html.ftlh} (HTML, auto-escaped) and {@code summary.md.ftl} (Markdown, auto-escaped by
 * {@link MarkdownOutputFormat}). Templates come from the class path (the folder is packaged into the
 * jar) unless a folder is given, which is searched first.
 */
public final class ReportWriter {
    /** The HTML report's template. */
    public static final String HTML_TEMPLATE = "index.html.ftlh";
    /** The Markdown summary's template. */
    public static final String MARKDOWN_TEMPLATE = "summary.md.ftl";

    private final Configuration config;

    /** A writer using {@code templatesDir} first (may be null), then the packaged templates. */
    public ReportWriter(Path templatesDir) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setRecognizeStandardFileExtensions(true);
        config.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        List<TemplateLoader> loaders = new ArrayList<>();
        if (templatesDir != null) {
            try {
                loaders.add(new FileTemplateLoader(templatesDir.toFile()));
            } catch (IOException e) {
                throw new IllegalArgumentException("templates folder " + templatesDir + " cannot be read: " + e.getMessage(), e);
            }
        }
        loaders.add(new ClassTemplateLoader(ReportWriter.class.getClassLoader(), "report-templates"));
        config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    }

    /** {@code template} rendered with {@code view}. */
    public String render(String template, ReportView view) {
        try {
            StringWriter out = new StringWriter();
            config.getTemplate(template).process(Map.of("view", view), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template " + template, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code index.html} and {@code summary.md} into {@code reportDir} (atomically).
     *
     * @return the Markdown summary
     */
    public String write(ReportView view, Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        String html = render(HTML_TEMPLATE, view);
        String markdown = render(MARKDOWN_TEMPLATE, view);
        for (Map.Entry<String, String> file : Map.of("index.html", html, "summary.md", markdown).entrySet()) {
            Path target = reportDir.resolve(file.getKey());
            AtomicFiles.write(target, file.getValue()); // rw-r--r--: a report is meant to be served and shared
        }
        return markdown;
    }
}
