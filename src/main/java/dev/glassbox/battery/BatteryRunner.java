package dev.glassbox.battery;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.config.DataSet;
import dev.glassbox.data.FolderImages;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.ImageTrait;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.MemoryBudget;
import dev.glassbox.model.ModelLoader;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.report.JUnitXml;
import dev.glassbox.report.Report;
import dev.glassbox.report.SummaryJson;
import dev.glassbox.report.site.SiteWriter;
import dev.glassbox.report.site.StagedSite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Runs a battery config end to end: loads its model (and the one it compares with), builds the run plan against
 * them, reads its data sets, runs the {@link Battery} and writes the site.
 */
public final class BatteryRunner {

    private final BatteryConfig config;
    private final Instant generatedAt;
    private final MemoryBudget memory;

    /** @param generatedAt the report's time stamp ({@link RunPlan#timestampNow()} for a run started now) */
    public BatteryRunner(BatteryConfig config, Instant generatedAt) {
        this(config, generatedAt, MemoryBudget.defaultBudget());
    }

    /** @param memory what each pass of a model may use ({@code --memory}) */
    public BatteryRunner(BatteryConfig config, Instant generatedAt, MemoryBudget memory) {
        this.config = config;
        this.generatedAt = generatedAt;
        this.memory = memory;
    }

    /** Runs the battery and writes the site into {@code out}, opened by the config's {@code description:}. */
    public Report write(Path out, Progress progress) {
        return write(out, false, progress);
    }

    /** The same, with {@code OUT.html} beside the folder and its zip when {@code singleFile}. */
    public Report write(Path out, boolean singleFile, Progress progress) {
        return write(out, singleFile, progress, report -> config.description());
    }

    /**
     * Runs the battery and writes the site into {@code out}, opened by the paragraphs {@code description} gives for
     * the finished report (the demo adds the figures it measured to its config's description). Whether
     * {@code out} may be replaced is checked first, before any work; the pictures are written straight into the
     * staged site, and an interrupted or failed run leaves {@code out} as it was.
     */
    public Report write(Path out, Progress progress, Function<Report, List<String>> description) {
        return write(out, false, progress, description);
    }

    /** The same, with {@code OUT.html} beside the folder and its zip when {@code singleFile} ({@code --single-file}). */
    public Report write(Path out, boolean singleFile, Progress progress,
                        Function<Report, List<String>> description) {
        try (StagedSite output = StagedSite.begin(out, singleFile)) {
            Report report = run(output.pictures(), progress);
            report = report.withIntroduction(description.apply(report));
            // The report's outputs: the site, then summary.json and junit.xml beside it, all moved in at once.
            Report written = new SiteWriter().write(report, output.pictures(), output.files(), progress);
            output.add(SummaryJson.FILE_NAME, SummaryJson.toJson(written));
            output.add(JUnitXml.FILE_NAME, JUnitXml.toXml(written));
            output.commit(written);
            return written;
        }
    }

    private Report run(ImageStore pictures, Progress progress) {
        List<ModelUnderTest> models = new ArrayList<>();
        models.add(load(config.model(), null));
        if (config.hasCompare()) {
            String name = modelName(config.compare());
            models.add(load(config.compare(), name.equals(models.get(0).name()) ? name + " (compared)" : name));
        }
        InputSpec size = models.get(0).engine().input();
        if (!size.isImage()) {
            throw GlassboxException.badInput(config.model(), "takes " + size.describe() + ", not an image; give its"
                    + " image shape under 'input:' in " + config.fileName());
        }
        if (models.get(0).engine().classes() < 2) {
            throw GlassboxException.badInput(config.model(), "has a single output; a report needs a model that"
                    + " scores at least 2 classes");
        }
        // what of the config does not fit the models is a config error: say so before the long work starts
        RunPlan plan = PlanBuilder.of(config, models, generatedAt);
        return new Battery(plan).run(models, datasets(size, models.get(0), progress), pictures, progress);
    }

    private List<LabelledImages> datasets(InputSpec size, ModelUnderTest first, Progress progress) {
        List<LabelledImages> datasets = new ArrayList<>();
        for (DataSet d : config.data()) {
            ImageFolder folder = config.classes().isEmpty() ? ImageFolder.open(d.images())
                    : ImageFolder.open(d.images(), config.classes());
            int k = first.engine().classes();
            if (config.classes().isEmpty() && folder.classes().size() != k) {
                throw GlassboxException.badInput(d.images(), "has " + folder.classes().size() + " class folders but "
                        + first.file().getFileName() + " scores " + k + " classes; list the model's " + k
                        + " classes in the order of its outputs under 'classes:' in " + config.fileName());
            }
            LabelledImages data = FolderImages.open(d.name(), folder, d.masks(), size,
                    config.preprocessing(size.channels()), progress);
            data = FolderImages.withRegions(data, folder, d.regions(), progress);
            datasets.add(data.withTraits(ImageTrait.fromShapesManifest(d.images(), data.files())));
        }
        return datasets;
    }

    private ModelUnderTest load(Path file, String name) {
        var loaded = config.input().spec().isPresent()
                ? new ModelLoader().load(file, config.input().spec().get())
                : new ModelLoader().load(file);
        return new ModelUnderTest(name != null ? name : modelName(file), file,
                GradientEngine.create(loaded, DataType.FLOAT, memory));
    }

    /** "shapes-flawed" for {@code .../shapes-flawed.zip}. */
    static String modelName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
