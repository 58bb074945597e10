package dev.glassbox.checks;

/**
 * Classes that break the layering on purpose, for {@code ArchitectureTest} to show its rules catch them. They sit
 * in the test sources of {@code checks}, so the real import rule, which reads main classes only, never sees them.
 */
public final class PlantedViolations {

    private PlantedViolations() {}

    /** An analysis class that reads the report: analysis must never import it. */
    public static final class AnalysisThatReadsTheReport {
        String title(dev.glassbox.report.Report report) {
            return report.title();
        }
    }

    /** An analysis class that draws a chart: only the site may. */
    public static final class AnalysisThatDraws {
        Object chart() {
            return new org.jfree.data.xy.XYSeries("planted");
        }
    }
}
