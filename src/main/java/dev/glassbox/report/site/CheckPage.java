package dev.glassbox.report.site;

import java.util.Map;

/**
 * {@code check-focus.html}: one check, what it measures and every result of it with its evidence, model by model.
 * The navigation leaves these pages out and marks "Checks" as current; the breadcrumb leads back to the index.
 */
record CheckPage(CheckSection section) implements SitePage {

    static final String TEMPLATE = "check";

    @Override
    public Page page() {
        return new Page(section.file(), TEMPLATE, section.title(), ChecksPage.PAGE.file());
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("check", section);
    }
}
