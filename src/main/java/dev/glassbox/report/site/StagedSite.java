package dev.glassbox.report.site;

import dev.glassbox.files.DiskErrors;
import dev.glassbox.files.OwnedFolder;
import dev.glassbox.files.StagedOutput;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's files put in place safely: the folder {@code OUT}, {@code OUT.zip} beside it and, with
 * {@code --single-file}, {@code OUT.html}. All are built in a staging folder beside them (see {@link StagedOutput}):
 * the run draws its pictures straight into the staged folder's {@code img/} ({@link #pictures()}), the site and the
 * files beside it are written into {@link #files()}, and only {@link #commit} marks the folder, zips it and moves
 * everything into place, so a failure never leaves half a report and only what Glassbox wrote is replaced.
 */
public final class StagedSite implements AutoCloseable {

    private final Path folder;
    private final StagedOutput staged;
    private final ImageStore pictures;
    private final SiteOutput files;

    private StagedSite(Path folder, boolean singleFile, StagedOutput staged) {
        this.folder = folder;
        this.staged = staged;
        Path site = staged.stage(folder);
        this.pictures = ImageStore.in(site.resolve("img"));
        SiteOutput out = new FolderOutput(site);
        this.files = singleFile ? SiteOutput.all(out, new SingleFileOutput(staged.stage(singleFileOf(folder)))) : out;
    }

    /**
     * Checks, before any work, that the report's files may be replaced, and makes the staging folder.
     *
     * @param singleFile whether to write {@code OUT.html} too
     * @throws dev.glassbox.GlassboxException usage (exit 2) when something Glassbox did not write is in the way
     */
    public static StagedSite begin(Path out, boolean singleFile) {
        Path folder = out.toAbsolutePath().normalize();
        StagedOutput staged = StagedOutput.begin("--out", targets(folder, singleFile));
        try {
            return new StagedSite(folder, singleFile, staged);
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    /** Checks, writing nothing, that a report may be written to {@code out} (see {@link #begin}). */
    public static void requireReplaceable(Path out, boolean singleFile) {
        StagedOutput.requireReplaceable("--out", targets(out.toAbsolutePath().normalize(), singleFile));
    }

    private static List<StagedOutput.Target> targets(Path folder, boolean singleFile) {
        List<StagedOutput.Target> targets = new ArrayList<>(List.of(
                new StagedOutput.FolderTarget(folder, OwnedFolder.Kind.REPORT),
                new StagedOutput.FileTarget(zipOf(folder), ZipOutput::isReportZip, "a report zip")));
        if (singleFile) {
            targets.add(new StagedOutput.FileTarget(singleFileOf(folder), SingleFileOutput::isSingleFile,
                    "a single-file report"));
        }
        return targets;
    }

    /** The zip written beside the report folder {@code out}: {@code out.zip}. */
    public static Path zipOf(Path out) {
        return sibling(out, ".zip");
    }

    /** The single-file report written beside the report folder {@code out} with {@code --single-file}: {@code out.html}. */
    public static Path singleFileOf(Path out) {
        return sibling(out, ".html");
    }

    private static Path sibling(Path out, String extension) {
        Path folder = out.toAbsolutePath().normalize();
        return folder.resolveSibling(folder.getFileName() + extension);
    }

    /** Where the run draws the report's pictures: the staged folder's {@code img/}. */
    public ImageStore pictures() {
        return pictures;
    }

    /** Where the site and the files beside it ({@code summary.json}, {@code junit.xml}) are written. */
    public SiteOutput files() {
        return files;
    }

    /** Writes a file beside the site's pages, such as {@code summary.json}. */
    public void add(String path, String text) {
        try {
            files.writeString(path, text);
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(staged.stage(folder), e);
        }
    }

    /**
     * Finishes the output and moves it into place: the single file is put together, the folder gets its marker (with
     * the run's id, so the same run gives the same marker and zip) and is zipped.
     *
     * @param written the report as written, which names the run
     */
    public void commit(Report written) {
        Path site = staged.stage(folder);
        try {
            files.close();
            OwnedFolder.mark(site, OwnedFolder.Kind.REPORT, runId(written));
            ZipOutput.ofFolder(site, staged.stage(zipOf(folder)), written.generatedAt());
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(site, e);
        }
        staged.commit();
    }

    /** Deletes what was staged unless it was committed. */
    @Override
    public void close() {
        staged.close();
    }

    /**
     * What identifies a run in its marker: title, time stamp, config, seed and the models' hashes, so that the same
     * config and seed give the same marker (and zip).
     */
    static String runId(Report report) {
        StringBuilder identity = new StringBuilder(report.title()).append('\n').append(report.generatedAt())
                .append('\n').append(report.run().seed()).append('\n').append(report.run().config());
        report.models().forEach(m -> identity.append('\n').append(m.name()).append(' ').append(m.sha256()));
        return OwnedFolder.id(identity.toString());
    }
}
