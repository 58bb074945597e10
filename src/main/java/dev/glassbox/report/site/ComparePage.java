package dev.glassbox.report.site;

import dev.glassbox.report.Report;
import java.util.Map;

/** {@code compare.html}, where the report compares two models: class by class, then the results that changed. */
final class ComparePage implements SitePage {

    static final Page PAGE = new Page("compare.html", "compare", "Compare");

    private final Report report;
    private final CheckViews views;

    ComparePage(Report report, CheckViews views) {
        this.report = report;
        this.views = views;
    }

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("comparison", Comparison.of(report, views));
    }
}
