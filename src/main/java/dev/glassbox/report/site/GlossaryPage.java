package dev.glassbox.report.site;

import java.util.Map;

/** {@code glossary.html}: every technical term of the report in plain words; each page links its terms here. */
final class GlossaryPage implements SitePage {

    static final Page PAGE = new Page(Glossary.PAGE, "glossary", "Glossary");

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("terms", Glossary.terms());
    }
}
