package dev.surmbench.report.render;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** Markdown markup held by FreeMarker for {@link MarkdownOutputFormat}. */
public final class TemplateMarkdownOutputModel extends CommonTemplateMarkupOutputModel<TemplateMarkdownOutputModel> {

    TemplateMarkdownOutputModel(String plainTextContent, String markupContent) {
        super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
        return MarkdownOutputFormat.INSTANCE;
    }
}
