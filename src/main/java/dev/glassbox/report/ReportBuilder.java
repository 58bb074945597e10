package dev.glassbox.report;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.checks.AttributionCache;
import dev.glassbox.checks.BatteryPlan;
import dev.glassbox.checks.Check;
import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckSettings;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Checks;
import dev.glassbox.checks.DatasetRun;
import dev.glassbox.checks.Predictions;
import dev.glassbox.evaluation.ConfusionTally;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.imaging.InputPicture;
import dev.glassbox.imaging.Overlay;
import dev.glassbox.imaging.SaliencyMap;
import dev.glassbox.imaging.Upscale;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.glassbox.config.NeuronsConfig;
import dev.glassbox.featurevis.NeuronAnalysis;
import dev.glassbox.featurevis.NeuronLayers;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tests models on labelled images and gathers what the report shows: per model and data set the metrics (from one
 * streamed pass over the images, batch by batch) and a gallery of the most confident correct and wrong predictions
 * of each class with their saliency maps, written as pictures to an {@link ImageStore} as they are made.
 */
public final class ReportBuilder {

    private final ReportSettings settings;
    private final List<GalleryMethod> methods;
    private final BatteryPlan plan;
    private final RunInfo run;
    /** The neuron groups and class pictures to draw, or null for none. */
    private final NeuronsConfig neurons;
    /** Where {@link #neurons} comes from, to start its error messages. */
    private final String neuronsSource;

    /** A builder whose gallery shows plain saliency maps, and which runs no checks. */
    public ReportBuilder(ReportSettings settings) {
        this(settings, List.of(GalleryMethod.saliency()));
    }

    /** A builder whose gallery shows each of {@code methods} side by side, and which runs no checks. */
    public ReportBuilder(ReportSettings settings, List<GalleryMethod> methods) {
        this(settings, methods, new BatteryPlan(List.of(), Map.of(), 0), RunInfo.seedOnly(0));
    }

    /**
     * A builder that runs a battery: its methods in the gallery (plain saliency when it has none) and its checks.
     */
    public ReportBuilder(ReportSettings settings, BatteryPlan plan, RunInfo run) {
        this(settings, plan.methods().isEmpty() ? List.of(GalleryMethod.saliency())
                : plan.methods().stream().map(m -> GalleryMethod.attribution(m.name(), m.params())).toList(),
                plan, run);
    }

    private ReportBuilder(ReportSettings settings, List<GalleryMethod> methods, BatteryPlan plan, RunInfo run) {
        this(settings, methods, plan, run, null, null);
    }

    private ReportBuilder(ReportSettings settings, List<GalleryMethod> methods, BatteryPlan plan, RunInfo run,
                          NeuronsConfig neurons, String neuronsSource) {
        this.neurons = neurons;
        this.neuronsSource = neuronsSource;
        this.settings = settings;
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("the gallery needs at least one method");
        }
        this.methods = List.copyOf(methods);
        this.plan = plan;
        this.run = run;
    }

    /**
     * The same builder that also draws each model's neuron groups and class pictures.
     *
     * @param source what the settings come from (the config's file name), to start error messages
     */
    public ReportBuilder withNeurons(NeuronsConfig config, String source) {
        return new ReportBuilder(settings, methods, plan, run, config, source);
    }

    public Report build(String title, List<ModelUnderTest> models, List<LabelledImages> datasets, ImageStore pictures,
                        Progress progress) {
        if (models.isEmpty() || datasets.isEmpty()) {
            throw GlassboxException.usage("a report needs at least one model and one data set");
        }
        requireUniqueNames(models.stream().map(ModelUnderTest::name).toList(), "model");
        requireUniqueNames(datasets.stream().map(LabelledImages::name).toList(), "data set");
        Map<String, Double> timings = new LinkedHashMap<>();
        List<ModelReport> modelReports = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        for (int mi = 0; mi < models.size(); mi++) {
            ModelUnderTest model = models.get(mi);
            List<Evaluation> evaluations = new ArrayList<>();
            List<GallerySample> gallery = new ArrayList<>();
            List<DatasetRun> runs = new ArrayList<>();
            AttributionCache cache = new AttributionCache(model.engine(), settings.batchSize());
            for (int di = 0; di < datasets.size(); di++) {
                LabelledImages data = datasets.get(di);
                requireClasses(model, data);
                long start = System.nanoTime();
                GalleryPicks picks = new GalleryPicks(data.classes().size(), settings.samplesPerClass());
                DatasetRun evaluated = evaluate(model, data, picks, progress);
                evaluations.add(evaluated.evaluation());
                runs.add(evaluated);
                add(timings, "evaluation", start);
                start = System.nanoTime();
                gallery.addAll(explain(model, data, picks, "m" + mi + "/d" + di, pictures, cache, progress));
                add(timings, "gallery", start);
            }
            CheckContext context = new CheckContext(model, mi, runs, plan.methods(), pictures,
                    settings.pictureSize(), settings.batchSize(), plan.seed(), progress, cache);
            for (Map.Entry<String, CheckSettings> e : plan.checks().entrySet()) {
                long start = System.nanoTime();
                results.addAll(runCheck(Checks.check(e.getKey()).orElseThrow(), context, e.getValue()));
                add(timings, "check " + e.getKey(), start);
            }
            NeuronReport neuronReport = NeuronReport.NONE;
            if (neurons != null) {
                long start = System.nanoTime();
                neuronReport = neurons(model, mi, datasets, pictures, progress);
                add(timings, "neurons", start);
            }
            // The file name and hash identify the model; a full path would differ between machines.
            modelReports.add(new ModelReport(model.name(), model.file().getFileName().toString(), sha256(model.file()),
                    model.engine().input().describe(), evaluations, gallery, neuronReport));
        }
        List<DatasetSummary> summaries = datasets.stream().map(ReportBuilder::summarize).toList();
        return new Report(title, settings.generatedAt(), Report.verdictOf(results),
                verdictNote(models, results), modelReports, summaries, timings, Versions.current(), List.of(),
                results, run);
    }

    private NeuronReport neurons(ModelUnderTest model, int index, List<LabelledImages> datasets, ImageStore pictures,
                                 Progress progress) {
        List<String> layers = NeuronLayers.resolve(model.engine(), neurons, neuronsSource,
                model.name());
        int steps = neurons.steps();
        if (!neurons.stepsGiven()) {
            int groups = layers.stream().mapToInt(l -> (int) Math.min(neurons.groups(),
                    model.engine().layer(l).channels())).sum();
            steps = NeuronAnalysis.defaultSteps(model.engine(), groups + model.engine().classes(), steps);
        }
        var analysis = new NeuronAnalysis(model.engine(), model.name(), index, pictures,
                new NeuronAnalysis.Settings(layers, neurons.groups(), steps, plan.seed(),
                        settings.batchSize(), settings.pictureSize()), progress);
        return analysis.run(datasets);
    }

    /** A check that throws gives an error result naming the problem, and the other checks still run. */
    private static List<CheckResult> runCheck(Check check, CheckContext context, CheckSettings settings) {
        try {
            return check.run(context, settings);
        } catch (GlassboxException e) {
            throw e;
        } catch (RuntimeException e) {
            return List.of(new CheckResult(check.definition().id(), context.modelName(), null, null, null,
                    CheckStatus.ERROR, null, null, "The " + check.definition().id() + " check could not run on "
                            + context.modelName() + ": " + e + ". Its result is unknown; please report this.",
                    List.of(), Map.of(), List.of()));
        }
    }

    /** One sentence per model: how many of its checks failed, warned and passed. */
    static String verdictNote(List<ModelUnderTest> models, List<CheckResult> results) {
        if (results.isEmpty()) {
            return "No checks were run, so there is no pass or fail verdict: the report shows metrics and"
                    + " attribution pictures only.";
        }
        List<String> parts = new ArrayList<>();
        for (ModelUnderTest m : models) {
            Map<CheckStatus, Integer> counts = new java.util.EnumMap<>(CheckStatus.class);
            int total = 0;
            for (CheckResult r : results) {
                if (r.model().equals(m.name())) {
                    counts.merge(r.status(), 1, Integer::sum);
                    total++;
                }
            }
            int failed = counts.getOrDefault(CheckStatus.FAIL, 0) + counts.getOrDefault(CheckStatus.ERROR, 0);
            int warned = counts.getOrDefault(CheckStatus.WARN, 0);
            int passed = counts.getOrDefault(CheckStatus.PASS, 0);
            int skipped = counts.getOrDefault(CheckStatus.SKIPPED, 0);
            parts.add(m.name() + ": " + failed + " failed, " + warned + " warned, " + passed + " passed"
                    + (skipped > 0 ? ", " + skipped + " skipped" : "") + " of " + total + " results");
        }
        return String.join("; ", parts) + ". The verdict is the worst of them: a fail anywhere fails the report.";
    }

    /**
     * The evaluation pass: every image once, in batches; keeps the counts, each image's answer and confidence, and
     * the gallery's candidates.
     */
    private DatasetRun evaluate(ModelUnderTest model, LabelledImages data, GalleryPicks picks, Progress progress) {
        GradientEngine engine = model.engine();
        ConfusionTally tally = new ConfusionTally(data.classes().size());
        String task = "Testing " + model.name() + " on " + data.name();
        int n = data.size();
        int length = (int) data.input().length();
        progress.update(task, 0, n);
        int[] answers = new int[n];
        float[] confidences = new float[n];
        for (int from = 0; from < n; from += settings.batchSize()) {
            int to = Math.min(n, from + settings.batchSize());
            INDArray batch = data.images().read(from, to);
            checkBatch(batch, data, from, to);
            INDArray x = Layouts.convert(batch, data.input(), engine.input(), data.name(), model.name());
            float[][] probabilities = engine.probabilities(x.castTo(engine.dataType())).castTo(DataType.FLOAT)
                    .toFloatMatrix();
            INDArray rows = null;
            for (int i = 0; i < to - from; i++) {
                int index = from + i;
                int truth = data.label(index);
                int predicted = CheckContext.argMax(probabilities[i]);
                tally.add(truth, predicted);
                double confidence = probabilities[i][predicted];
                answers[index] = predicted;
                confidences[index] = probabilities[i][predicted];
                if (picks.wants(truth, predicted, confidence, index)) {
                    if (rows == null) {
                        rows = batch.castTo(DataType.FLOAT).dup('c').reshape('c', to - from, length);
                    }
                    picks.offer(new GalleryPicks.Pick(index, truth, predicted, confidence, rows.getRow(i).toFloatVector()));
                }
            }
            progress.update(task, to, n);
        }
        return new DatasetRun(data, Evaluation.of(data.name(), tally.toMatrix(data.classes())),
                new Predictions(answers, confidences));
    }

    /** Saliency maps for the picked predictions, in batches, each explaining the class the model predicted. */
    /**
     * Example {@code i} of a method's maps as a picture-sized map: input-shaped maps show the largest magnitude over
     * channels; {@code [n, h, w]} maps at a layer's size are stretched (nearest) to the image.
     */
    private static SaliencyMap toMap(INDArray maps, int i, InputSpec modelInput, InputSpec picture) {
        if (maps.rank() == 3) { // image inputs have rank 4 and flat ones rank 2: rank 3 is a layer's [n, h, w]
            int h = (int) maps.size(1);
            int w = (int) maps.size(2);
            float[] small = maps.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup('c').reshape(-1)
                    .toFloatVector();
            float[] values = new float[picture.height() * picture.width()];
            for (int y = 0; y < picture.height(); y++) {
                for (int x = 0; x < picture.width(); x++) {
                    values[y * picture.width() + x] = Math.abs(small[(y * h / picture.height()) * w
                            + x * w / picture.width()]);
                }
            }
            return new SaliencyMap(picture.height(), picture.width(), values);
        }
        return InputPicture.saliency(maps.reshape('c', maps.size(0), modelInput.length()).getRow(i).toFloatVector(),
                modelInput);
    }

    private List<GallerySample> explain(ModelUnderTest model, LabelledImages data, GalleryPicks picks, String folder,
                                        ImageStore pictures, AttributionCache cache, Progress progress) {
        List<GalleryPicks.Pick> all = new ArrayList<>();
        List<GallerySample.Outcome> outcomes = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (int c = 0; c < data.classes().size(); c++) {
            collect(picks.correct(c), GallerySample.Outcome.CORRECT, all, outcomes, ranks);
            collect(picks.wrong(c), GallerySample.Outcome.WRONG, all, outcomes, ranks);
        }
        GradientEngine engine = model.engine();
        InputSpec dataSpec = data.input();
        int factor = Upscale.factorFor(dataSpec.width(), dataSpec.height(), settings.pictureSize());
        String task = "Explaining the gallery of " + model.name() + " on " + data.name();
        List<GallerySample> samples = new ArrayList<>();
        progress.update(task, 0, all.size());
        for (int from = 0; from < all.size(); from += settings.batchSize()) {
            int to = Math.min(all.size(), from + settings.batchSize());
            int size = to - from;
            float[][] examples = new float[size][];
            int[] targets = new int[size];
            for (int i = 0; i < size; i++) {
                examples[i] = all.get(from + i).example();
                targets[i] = all.get(from + i).predicted();
            }
            int[] indices = new int[size];
            for (int i = 0; i < size; i++) {
                indices[i] = all.get(from + i).index();
            }
            java.util.function.Function<int[], INDArray> input = positions -> {
                float[][] some = new float[positions.length][];
                for (int k = 0; k < positions.length; k++) {
                    some[k] = examples[positions[k]];
                }
                INDArray batch = Nd4j.create(some).reshape('c', dataSpec.batchShape(some.length));
                return Layouts.convert(batch, dataSpec, engine.input(), data.name(), model.name())
                        .castTo(engine.dataType());
            };
            int[] everyone = java.util.stream.IntStream.range(0, size).toArray();
            List<INDArray> maps = new ArrayList<>();
            for (GalleryMethod method : methods) {
                maps.add(method.spec().isPresent()
                        ? cache.attribute(method.spec().get(), data.name(), indices, targets, input).maps()
                        : method.maps(engine, input.apply(everyone), targets).castTo(DataType.FLOAT).dup('c'));
            }
            for (int i = 0; i < size; i++) {
                GalleryPicks.Pick p = all.get(from + i);
                BufferedImage picture = InputPicture.of(p.example(), dataSpec, data.pixels());
                String name = folder + "/c" + p.trueClass() + "-" + outcomes.get(from + i).id() + "-"
                        + ranks.get(from + i);
                String picturePath = pictures.put(name + ".png", Upscale.nearest(picture, factor));
                List<GalleryMap> overlays = new ArrayList<>();
                for (int m = 0; m < methods.size(); m++) {
                    SaliencyMap map = toMap(maps.get(m), i, engine.input(), dataSpec);
                    overlays.add(new GalleryMap(methods.get(m).name(), pictures.put(
                            name + "-" + methods.get(m).name() + ".png",
                            Upscale.nearest(Overlay.of(picture, map), factor))));
                }
                samples.add(new GallerySample(data.name(), data.classes().get(p.trueClass()), outcomes.get(from + i),
                        ranks.get(from + i), data.files().get(p.index()), data.classes().get(p.trueClass()),
                        data.classes().get(p.predicted()), p.confidence(), picturePath, overlays));
            }
            progress.update(task, to, all.size());
        }
        return samples;
    }

    private static void collect(List<GalleryPicks.Pick> picks, GallerySample.Outcome outcome,
                                List<GalleryPicks.Pick> all, List<GallerySample.Outcome> outcomes,
                                List<Integer> ranks) {
        for (int r = 0; r < picks.size(); r++) {
            all.add(picks.get(r));
            outcomes.add(outcome);
            ranks.add(r + 1);
        }
    }

    private static DatasetSummary summarize(LabelledImages data) {
        long[] counts = new long[data.classes().size()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return new DatasetSummary(data.name(), data.size(), data.classes(),
                java.util.Arrays.stream(counts).boxed().toList());
    }

    private static void requireClasses(ModelUnderTest model, LabelledImages data) {
        int k = model.engine().classes();
        if (k != data.classes().size()) {
            throw GlassboxException.usage("model '" + model.name() + "' has " + k + " outputs but data set '"
                    + data.name() + "' names " + data.classes().size() + " classes " + data.classes());
        }
    }

    private static void requireUniqueNames(List<String> names, String what) {
        if (new java.util.HashSet<>(names).size() != names.size()) {
            throw GlassboxException.usage("each " + what + " needs its own name, got " + names);
        }
    }

    private static void checkBatch(INDArray batch, LabelledImages data, int from, int to) {
        if (batch.size(0) != to - from || batch.length() != (to - from) * data.input().length()) {
            throw new IllegalStateException("data set '" + data.name() + "' gave a batch of shape "
                    + java.util.Arrays.toString(batch.shape()) + " for images " + from + " to " + to);
        }
    }

    private static void add(Map<String, Double> timings, String stage, long startNanos) {
        timings.merge(stage, (System.nanoTime() - startNanos) / 1e9, Double::sum);
    }

    /** The file's SHA-256, or null for a model that was never a file (tests build them in memory). */
    static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw GlassboxException.badInput(file, "cannot read the model file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
