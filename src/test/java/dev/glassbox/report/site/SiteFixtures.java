package dev.glassbox.report.site;

import dev.glassbox.Progress;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.JUnitXml;
import dev.glassbox.report.Report;
import dev.glassbox.report.SummaryJson;
import java.nio.file.Path;

/** Writing a finished report as the battery runner does, for the site tests. */
final class SiteFixtures {

    private SiteFixtures() {}

    /** The site of {@code report} in memory. */
    static MemoryOutput render(Report report, ImageStore pictures) {
        MemoryOutput site = new MemoryOutput();
        new SiteWriter().write(report, pictures, site, Progress.NONE);
        return site;
    }

    /** The report in the folder {@code out}, with {@code out.zip}: staged, then moved into place. */
    static Report write(Report report, ImageStore pictures, Path out) {
        return write(report, pictures, out, false);
    }

    /**
     * The same, with {@code out.html} when {@code singleFile}; as {@code BatteryRunner.write} does it: the site, then
     * {@code summary.json} and {@code junit.xml} beside it, then the commit.
     */
    static Report write(Report report, ImageStore pictures, Path out, boolean singleFile) {
        try (StagedSite output = StagedSite.begin(out, singleFile)) {
            Report written = new SiteWriter().write(report, pictures, output.files(), Progress.NONE);
            output.add(SummaryJson.FILE_NAME, SummaryJson.toJson(written));
            output.add(JUnitXml.FILE_NAME, JUnitXml.toXml(written));
            output.commit(written);
            return written;
        }
    }
}
