package dev.glassbox.report.site;

import dev.glassbox.report.Report;
import java.util.Map;

/** {@code compare.html}, where the report compares two models: class by class, then the results that changed. */
record ComparePage(Report report, CheckViews views) implements SitePage {

    static final Page PAGE = new Page("compare.html", "compare", "Compare");

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("comparison", Comparison.of(report, views));
    }
}
