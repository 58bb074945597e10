package dev.glassbox.report;

import dev.glassbox.GlassboxException;
import dev.glassbox.featurevis.NeuronLayers;
import dev.glassbox.Progress;
import dev.glassbox.checks.BatteryPlan;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.config.DataSet;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.ModelLoader;
import dev.glassbox.report.site.SiteWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a battery config end to end: loads its model (and the one it compares with), reads its data sets, runs the
 * evaluation, gallery and checks, and writes the site.
 */
public final class BatteryRunner {

    private final BatteryConfig config;
    private final ReportSettings settings;
    private final dev.glassbox.model.MemoryBudget memory;

    public BatteryRunner(BatteryConfig config, ReportSettings settings) {
        this(config, settings, dev.glassbox.model.MemoryBudget.defaultBudget());
    }

    /** @param memory what each pass of a model may use ({@code --memory}) */
    public BatteryRunner(BatteryConfig config, ReportSettings settings, dev.glassbox.model.MemoryBudget memory) {
        this.config = config;
        this.memory = memory;
        this.settings = new ReportSettings(config.batchSize(), config.attribution().samplesPerClass(),
                settings.pictureSize(), settings.generatedAt());
    }

    /** Runs the battery and writes the site into {@code out}; the introduction may add opening paragraphs. */
    public Report write(Path out, Progress progress, Function<Report, List<String>> introduction) {
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
        // A wrong layer name or too many groups is a config error: say so before the long work starts.
        for (ModelUnderTest m : models) {
            NeuronLayers.resolve(m.engine(), config.neurons(), config.fileName(),
                    m.name());
        }
        List<LabelledImages> datasets = new ArrayList<>();
        for (DataSet d : config.data()) {
            ImageFolder folder = config.classes().isEmpty() ? ImageFolder.open(d.images())
                    : ImageFolder.open(d.images(), config.classes());
            LabelledImages data = FolderImages.open(d.name(), folder, d.masks(), size,
                    config.preprocessing(size.channels()), progress);
            datasets.add(data.withTraits(ImageTrait.fromShapesManifest(d.images(), data.files())));
        }
        List<MethodSpec> methods = config.attribution().methods().stream()
                .map(m -> new MethodSpec(m, config.attribution().params(m))).toList();
        BatteryPlan plan = new BatteryPlan(methods, config.checks(), config.seed());
        RunInfo run = new RunInfo(config.seed(), config.fileName(), config.text(), config.hasCompare());
        try (ImageStore pictures = ImageStore.temporary()) {
            Report report = new ReportBuilder(settings, plan, run).withNeurons(config.neurons(), config.fileName())
                    .build(config.title(), models, datasets, pictures, progress);
            report = report.withIntroduction(introduction.apply(report));
            return new SiteWriter().write(report, pictures, out, progress);
        }
    }

    private ModelUnderTest load(Path file, String name) {
        var loaded = config.input().spec().isPresent()
                ? new ModelLoader().load(file, config.input().spec().get())
                : new ModelLoader().load(file);
        return new ModelUnderTest(name != null ? name : modelName(file), file,
                GradientEngine.create(loaded, org.nd4j.linalg.api.buffer.DataType.FLOAT, memory));
    }

    /** "shapes-flawed" for {@code .../shapes-flawed.zip}. */
    static String modelName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
