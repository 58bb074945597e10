package dev.glassbox.report.site;

import dev.glassbox.report.Report;
import java.util.Locale;
import java.util.Map;

/**
 * {@code about.html}: how the report was made (versions, seed, config, model files) and the time each stage took.
 *
 * @param report the report as written, whose timings include the site's own
 */
record AboutPage(Report report) implements SitePage {

    static final Page PAGE = new Page("about.html", "about", "About");

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of(
                "versions", report.versions().entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList(),
                "timings", report.timings().entrySet().stream()
                        .map(e -> new Fact(e.getKey(), seconds(e.getValue()))).toList(),
                "totalTime", seconds(report.timings().values().stream().mapToDouble(Double::doubleValue).sum()));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
