package dev.glassbox.battery;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.DatasetRun;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.report.DatasetSummary;
import dev.glassbox.report.GallerySample;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import dev.glassbox.report.Versions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Carries out a run plan on models and data sets, stage by stage for each model: evaluation, gallery, checks,
 * neurons. Each stage is timed; pictures go to the store as they are made.
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
        Pictures pictures = new Pictures(store, plan.pictureSize());
        StageClock clock = new StageClock();
        List<ModelReport> reports = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        // the first model's gallery picks, per data set: a compared second model explains the same pictures
        List<GalleryPicks> firstPicks = new ArrayList<>();
        for (int mi = 0; mi < models.size(); mi++) {
            ModelUnderTest model = models.get(mi);
            List<DatasetRun> runs = new ArrayList<>();
            List<GallerySample> gallery = new ArrayList<>();
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
                        pictures, progress)));
                if (mi == 0) {
                    firstPicks.add(picks);
                } else if (mi == 1 && plan.run().compared()) {
                    GalleryPicks first = firstPicks.get(di);
                    counterparts.addAll(clock.time("gallery", () -> new GalleryStage(plan).counterparts(model, data,
                            first, run.predictions(), folder, pictures, progress)));
                }
            }
            int index = mi;
            results.addAll(new ChecksStage(plan).run(model, index, runs, pictures, clock, progress));
            NeuronReport neurons = !plan.neurons().covers(model.name()) ? NeuronReport.NONE
                    : clock.time("neurons", () -> new NeuronsStage(plan).run(model, index, datasets, store, progress));
            // The file name and hash identify the model; a full path would differ between machines.
            reports.add(new ModelReport(model.name(), model.file().getFileName().toString(), model.sha256(),
                    model.engine().input().describe(), runs.stream().map(DatasetRun::evaluation).toList(), gallery,
                    neurons, counterparts));
        }
        List<DatasetSummary> summaries = datasets.stream().map(Battery::summarize).toList();
        return new Report(plan.title(), plan.generatedAt(), Report.verdictOf(results),
                Report.verdictNote(models.stream().map(ModelUnderTest::name).toList(), results), reports, summaries,
                clock.timings(), Versions.current(), List.of(), results, plan.run());
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
