package dev.glassbox.battery;

import dev.glassbox.report.RunInfo;
import dev.glassbox.report.Report;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.data.ImageTrait;
import dev.glassbox.data.FolderImages;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.GlassboxException;
import dev.glassbox.featurevis.NeuronLayers;
import dev.glassbox.Progress;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.config.DataSet;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.ModelLoader;
import dev.glassbox.report.JUnitXml;
import dev.glassbox.report.SummaryJson;
import dev.glassbox.report.site.SiteWriter;
import dev.glassbox.report.site.StagedSite;
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

    public BatteryRunner(BatteryConfig config, ReportSettings settings) {
        this.config = config;
        this.settings = new ReportSettings(config.batchSize(), config.attribution().samplesPerClass(),
                settings.pictureSize(), settings.generatedAt());
    }

    /**
     * Runs the battery and writes the site into {@code out}; the introduction may add opening paragraphs. Whether
     * {@code out} may be replaced is checked first, before any work; the pictures are written straight into the
     * staged site, and an interrupted or failed run leaves {@code out} as it was.
     */
    public Report write(Path out, Progress progress, Function<Report, List<String>> introduction) {
        return write(out, false, progress, introduction);
    }

    /** The same, with {@code OUT.html} beside the folder and its zip when {@code singleFile} ({@code --single-file}). */
    public Report write(Path out, boolean singleFile, Progress progress,
                        Function<Report, List<String>> introduction) {
        try (StagedSite output = StagedSite.begin(out, singleFile)) {
            Report report = run(output.pictures(), progress, introduction);
            // The report's outputs: the site, then summary.json and junit.xml beside it, all moved in at once.
            Report written = new SiteWriter().write(report, output.pictures(), output.files(), progress);
            output.add(SummaryJson.FILE_NAME, SummaryJson.toJson(written));
            output.add(JUnitXml.FILE_NAME, JUnitXml.toXml(written));
            output.commit(written);
            return written;
        }
    }

    private Report run(ImageStore pictures, Progress progress, Function<Report, List<String>> introduction) {
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
        // A wrong layer name, class list or method parameter is a config error: say so before the long work starts.
        for (ModelUnderTest m : models) {
            NeuronLayers.resolve(m.engine(), config.neurons().layers(),
                    config.neurons().groupsGiven() ? config.neurons().groups() : 0, config.fileName(), m.name());
            requireClassCount(m);
            requireMethodsFit(m);
        }
        List<LabelledImages> datasets = new ArrayList<>();
        for (DataSet d : config.data()) {
            ImageFolder folder = config.classes().isEmpty() ? ImageFolder.open(d.images())
                    : ImageFolder.open(d.images(), config.classes());
            int k = models.get(0).engine().classes();
            if (config.classes().isEmpty() && folder.classes().size() != k) {
                throw GlassboxException.badInput(d.images(), "has " + folder.classes().size() + " class folders but "
                        + models.get(0).file().getFileName() + " scores " + k + " classes; list the model's " + k
                        + " classes in the order of its outputs under 'classes:' in " + config.fileName());
            }
            LabelledImages data = FolderImages.open(d.name(), folder, d.masks(), size,
                    config.preprocessing(size.channels()), progress);
            datasets.add(data.withTraits(ImageTrait.fromShapesManifest(d.images(), data.files())));
        }
        List<MethodSpec> methods = config.attribution().methods().stream()
                .map(m -> new MethodSpec(m, config.attribution().params(m))).toList();
        BatteryPlan plan = new BatteryPlan(methods, config.checks(), config.seed());
        RunInfo run = new RunInfo(config.seed(), config.fileName(), config.text(), config.hasCompare());
        Report report = new ReportBuilder(settings, plan, run).withNeurons(config.neurons(), config.fileName())
                .build(config.title(), models, datasets, pictures, progress);
        return report.withIntroduction(introduction.apply(report));
    }

    /** The config's class list, where it gives one, has one name per output of the model. */
    private void requireClassCount(ModelUnderTest m) {
        int k = m.engine().classes();
        if (!config.classes().isEmpty() && config.classes().size() != k) {
            throw GlassboxException.usage(config.fileName() + ": 'classes' lists " + config.classes().size()
                    + " names, but " + m.file().getFileName() + " scores " + k + " classes; give one name per output,"
                    + " in the order of the model's outputs");
        }
    }

    /**
     * Makes each attribution method once with its parameters, so that a value the method refuses (steps: -5, a
     * layer the model lacks) is reported with the config's key path before any work.
     */
    private void requireMethodsFit(ModelUnderTest m) {
        java.util.LinkedHashSet<String> methods = new java.util.LinkedHashSet<>(config.attribution().methods());
        methods.addAll(config.attribution().params().keySet());
        for (String method : methods) {
            try {
                new MethodSpec(method, config.attribution().params(method)).create(m.engine());
            } catch (GlassboxException e) {
                if (e.kind() != GlassboxException.Kind.USAGE) {
                    throw e;
                }
                String key = "attribution.params." + method;
                List<String> named = config.attribution().params(method).keySet().stream()
                        .filter(p -> e.getMessage().contains(p)).toList();
                if (named.size() == 1) {
                    key += "." + named.get(0);
                }
                throw GlassboxException.usage(config.fileName() + ": '" + key + "': " + e.getMessage()
                        + (config.hasCompare() ? " (model " + m.name() + ")" : ""));
            }
        }
    }

    private ModelUnderTest load(Path file, String name) {
        var loaded = config.input().spec().isPresent()
                ? new ModelLoader().load(file, config.input().spec().get())
                : new ModelLoader().load(file);
        return new ModelUnderTest(name != null ? name : modelName(file), file, GradientEngine.create(loaded));
    }

    /** "shapes-flawed" for {@code .../shapes-flawed.zip}. */
    static String modelName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
