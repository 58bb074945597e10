package dev.glassbox.battery;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.checks.AttributionCache;
import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.DatasetRun;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.diagnosis.Diagnosis;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.report.DatasetSummary;
import dev.glassbox.report.GallerySample;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import dev.glassbox.report.Verdict;
import dev.glassbox.report.Versions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Carries out a run plan on models and data sets: for each model evaluation, gallery and checks; then the diagnosis
 * of all models together (it compares them picture for picture); then each model's neuron groups, flagged where
 * they follow a diagnosed cue. Each stage is timed; pictures go to the store as they are made. Each model gets its
 * own verdict from the results that judge it; the report's is the worst of them.
 */
public final class Battery {

    private final RunPlan plan;

    public Battery(RunPlan plan) {
        this.plan = plan;
    }

    public Report run(List<ModelUnderTest> models, List<LabelledImages> datasets, ImageStore store,
                      Progress progress) {
        if (models.isEmpty() || datasets.isEmpty()) {
            throw GlassboxException.usage("a report needs at least one model and one data set");
        }
        requireUniqueNames(models.stream().map(ModelUnderTest::name).toList(), "model");
        requireUniqueNames(datasets.stream().map(LabelledImages::name).toList(), "data set");
        Run run = new Run(models, datasets, store, progress);
        for (int mi = 0; mi < models.size(); mi++) {
            run.evaluateAndCheck(mi);
        }
        // after every model's checks: the diagnosis compares the models on the same pictures
        Diagnosis diagnosis = !plan.diagnosis().enabled() ? Diagnosis.NONE
                : run.clock.time("diagnosis", () -> new DiagnosisStage(plan).run(run.contexts, run.results,
                        run.pictures));
        return run.report(diagnosis, run.neurons(diagnosis));
    }

    /** One run's state, stage by stage. */
    private final class Run {
        final List<ModelUnderTest> models;
        final List<LabelledImages> datasets;
        final ImageStore store;
        final Progress progress;
        final Pictures pictures;
        final StageClock clock = new StageClock();
        final List<CheckContext> contexts = new ArrayList<>();
        final List<List<GallerySample>> galleries = new ArrayList<>();
        /** Per model, the first model's mistakes as it answers and explains them (only a compared second model's). */
        final List<List<GallerySample>> sameMistakes = new ArrayList<>();
        /** The first model's gallery picks, per data set. */
        final List<GalleryPicks> firstPicks = new ArrayList<>();
        final List<CheckResult> results = new ArrayList<>();

        Run(List<ModelUnderTest> models, List<LabelledImages> datasets, ImageStore store, Progress progress) {
            this.models = models;
            this.datasets = datasets;
            this.store = store;
            this.progress = progress;
            this.pictures = new Pictures(store, plan.pictureSize());
        }

        /** Model {@code mi}'s evaluation and gallery on every data set, then its checks. */
        void evaluateAndCheck(int mi) {
            ModelUnderTest model = models.get(mi);
            List<DatasetRun> runs = new ArrayList<>();
            List<GallerySample> gallery = new ArrayList<>();
            // each map is computed once per picture, method and target, and shared by the gallery and the checks
            AttributionCache cache = new AttributionCache(model.engine(), plan.batchSize());
            List<GallerySample> counterparts = new ArrayList<>();
            for (int di = 0; di < datasets.size(); di++) {
                LabelledImages data = datasets.get(di);
                requireClasses(model, data);
                GalleryPicks picks = new GalleryPicks(data.classes().size(), plan.samplesPerClass());
                DatasetRun run = clock.time("evaluation", () -> new EvaluationStage(plan).run(model, data, picks,
                        progress));
                runs.add(run);
                String folder = "m" + mi + "/d" + di;
                gallery.addAll(clock.time("gallery", () -> new GalleryStage(plan).run(model, data, picks, folder,
                        pictures, cache, progress)));
                if (mi == 0) {
                    firstPicks.add(picks);
                } else if (mi == 1 && plan.run().compared()) {
                    // a compared second model explains the first model's mistakes, the same pictures
                    GalleryPicks first = firstPicks.get(di);
                    counterparts.addAll(clock.time("gallery", () -> new GalleryStage(plan).counterparts(model, data,
                            first, run.predictions(), folder, pictures, cache, progress)));
                }
            }
            ChecksStage checks = new ChecksStage(plan);
            CheckContext context = checks.context(model, mi, runs, pictures, cache, progress);
            contexts.add(context);
            galleries.add(gallery);
            sameMistakes.add(counterparts);
            results.addAll(checks.run(context, clock));
        }

        /** Each model's neuron groups, flagged where they follow a diagnosed cue. */
        List<NeuronReport> neurons(Diagnosis diagnosis) {
            List<NeuronReport> drawn = new ArrayList<>();
            for (int mi = 0; mi < models.size(); mi++) {
                ModelUnderTest model = models.get(mi);
                int index = mi;
                drawn.add(!plan.neurons().covers(model.name()) ? NeuronReport.NONE
                        : clock.time("neurons", () -> new NeuronsStage(plan).run(model, index, datasets, store,
                                progress)));
            }
            return diagnosis.problems().isEmpty() ? drawn
                    : clock.time("neuron flags", () -> new NeuronFlagsStage(plan).run(models, drawn, diagnosis));
        }

        /** The report: each model's own verdict from the results that judge it, the report's the worst of them. */
        Report report(Diagnosis diagnosis, List<NeuronReport> neurons) {
            List<ModelReport> reports = new ArrayList<>();
            List<Verdict> verdicts = new ArrayList<>();
            for (int mi = 0; mi < models.size(); mi++) {
                ModelUnderTest model = models.get(mi);
                // The file name and hash identify the model; a full path would differ between machines.
                reports.add(new ModelReport(model.name(), model.file().getFileName().toString(), model.sha256(),
                        model.engine().input().describe(), contexts.get(mi).datasets().stream()
                        .map(DatasetRun::evaluation).toList(), galleries.get(mi), neurons.get(mi),
                        sameMistakes.get(mi)));
                verdicts.add(Report.modelVerdict(results.stream().filter(r -> r.model().equals(model.name()))
                        .toList(), diagnosis.hasShortcut(model.name())));
            }
            List<DatasetSummary> summaries = datasets.stream().map(Battery::summarize).toList();
            List<String> names = models.stream().map(ModelUnderTest::name).toList();
            return new Report(plan.title(), plan.generatedAt(), Verdict.worst(verdicts),
                    Report.verdictNote(names, results, verdicts), reports, summaries, clock.timings(),
                    Versions.current(), List.of(), results, plan.run(), diagnosis.problems());
        }
    }

    private static DatasetSummary summarize(LabelledImages data) {
        long[] counts = new long[data.classes().size()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return new DatasetSummary(data.name(), data.size(), data.classes(),
                java.util.Arrays.stream(counts).boxed().toList(), data.hasMasks());
    }

    private static void requireClasses(ModelUnderTest model, LabelledImages data) {
        int k = model.engine().classes();
        if (k != data.classes().size()) {
            throw GlassboxException.usage("model '" + model.name() + "' has " + k + " outputs but data set '"
                    + data.name() + "' names " + data.classes().size() + " classes " + data.classes());
        }
    }

    private static void requireUniqueNames(List<String> names, String what) {
        if (new HashSet<>(names).size() != names.size()) {
            throw GlassboxException.usage("each " + what + " needs its own name, got " + names);
        }
    }
}
