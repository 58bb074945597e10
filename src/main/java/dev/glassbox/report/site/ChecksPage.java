package dev.glassbox.report.site;

import java.util.Map;

/** {@code checks.html}: the index of the checks, each with its worst outcome and a link to its own page. */
record ChecksPage(CheckViews views) implements SitePage {

    static final Page PAGE = new Page(CheckViews.PAGE, "checks", "Checks");

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("sections", views.sections());
    }
}
