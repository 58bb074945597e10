package dev.glassbox.battery;

import dev.glassbox.Progress;
import dev.glassbox.checks.AttributionCache;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.checks.Predictions;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.imaging.MapRegions;
import dev.glassbox.imaging.PixelMaps;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.Layouts;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.report.GalleryMap;
import dev.glassbox.report.GallerySample;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gallery: the evaluation's picks (per class, the most confident right and wrong answers) explained with each of
 * the plan's methods, in batches, each map explaining the class the model answered.
 */
final class GalleryStage {

    private final RunPlan plan;

    GalleryStage(RunPlan plan) {
        this.plan = plan;
    }

    /** One picked prediction and where it stands in the gallery. */
    private record Shown(GalleryPicks.Pick pick, GallerySample.Outcome outcome, int rank) {}

    List<GallerySample> run(ModelUnderTest model, LabelledImages data, GalleryPicks picks, String folder,
                            Pictures pictures, AttributionCache cache, Progress progress) {
        List<Shown> all = new ArrayList<>();
        for (int c = 0; c < data.classes().size(); c++) {
            collect(picks.correct(c), GallerySample.Outcome.CORRECT, all);
            collect(picks.wrong(c), GallerySample.Outcome.WRONG, all);
        }
        return explainAll(all, model, data, folder, pictures, cache, progress,
                "Explaining the gallery of " + model.name() + " on " + data.name());
    }

    /** Each method's maps of a batch, one value per pixel (the largest magnitude over the channels). */
    private List<float[][]> explain(GradientEngine engine, LabelledImages data, List<Shown> batch, String modelName,
                                    AttributionCache cache) {
        InputSpec dataSpec = data.input();
        float[][] examples = new float[batch.size()][];
        int[] targets = new int[batch.size()];
        int[] indices = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            examples[i] = batch.get(i).pick().example();
            targets[i] = batch.get(i).pick().predicted();
            indices[i] = batch.get(i).pick().index();
        }
        java.util.function.Function<int[], INDArray> input = positions -> {
            float[][] some = new float[positions.length][];
            for (int k = 0; k < positions.length; k++) {
                some[k] = examples[positions[k]];
            }
            return Layouts.convert(Nd4j.create(some).reshape('c', dataSpec.batchShape(some.length)), dataSpec,
                    engine.input(), data.name(), modelName).castTo(engine.dataType());
        };
        List<float[][]> maps = new ArrayList<>();
        for (MethodSpec method : plan.galleryMethods()) {
            // the checks ask for many of the same maps: the cache computes each once
            INDArray m = cache.attribute(method, data.name(), indices, targets, input).maps().castTo(DataType.FLOAT)
                    .dup('c');
            maps.add(PixelMaps.of(m, engine.input(), dataSpec, PixelMaps.Reduce.MAX_ABSOLUTE));
        }
        return maps;
    }

    private GallerySample sample(LabelledImages data, Shown shown, int i, List<float[][]> maps, String folder,
                                 Pictures pictures) {
        GalleryPicks.Pick p = shown.pick();
        float[] pixels = data.toPixels(Nd4j.create(p.example()));
        String name = folder + "/c" + p.trueClass() + "-" + shown.outcome().id() + "-" + shown.rank();
        String picture = pictures.image(name, pixels, data.input());
        int h = data.input().height();
        int w = data.input().width();
        float[] mask = data.hasMasks() ? data.masks().read(p.index(), p.index() + 1).castTo(DataType.FLOAT)
                .dup('c').reshape(-1).toFloatVector() : null;
        List<GalleryMap> overlays = new ArrayList<>();
        List<MethodSpec> methods = plan.galleryMethods();
        for (int m = 0; m < methods.size(); m++) {
            float[] map = maps.get(m)[i];
            double on = mask == null ? Double.NaN : MapRegions.onMask(map, mask, h, w);
            MapRegions.Peak peak = MapRegions.peak(map, h, w);
            overlays.add(new GalleryMap(methods.get(m).name(), pictures.overlay(name + "-" + methods.get(m).name(),
                    pixels, data.input(), map), Double.isNaN(on) ? null : on, peak.region(), peak.share()));
        }
        String trueClass = data.classes().get(p.trueClass());
        return new GallerySample(data.name(), trueClass, shown.outcome(), shown.rank(), data.files().get(p.index()),
                trueClass, data.classes().get(p.predicted()), p.confidence(), picture, overlays,
                mask == null ? null : MapRegions.area(mask, h, w));
    }

    /**
     * The first model's mistakes ({@code first}'s wrong picks) as this model answers and explains them, for the
     * compare page's "same picture under both models".
     *
     * @param answers this model's answers on the data set, from its evaluation pass
     */
    List<GallerySample> counterparts(ModelUnderTest model, LabelledImages data, GalleryPicks first,
                                     Predictions answers, String folder, Pictures pictures, AttributionCache cache,
                                     Progress progress) {
        List<Shown> all = new ArrayList<>();
        for (int c = 0; c < data.classes().size(); c++) {
            List<GalleryPicks.Pick> wrong = first.wrong(c);
            for (int r = 0; r < wrong.size(); r++) {
                GalleryPicks.Pick p = wrong.get(r);
                int answer = answers.predicted(p.index());
                all.add(new Shown(new GalleryPicks.Pick(p.index(), p.trueClass(), answer,
                        answers.confidence(p.index()), p.example()), answer == p.trueClass()
                        ? GallerySample.Outcome.CORRECT : GallerySample.Outcome.WRONG, r + 1));
            }
        }
        return explainAll(all, model, data, folder + "/same", pictures, cache, progress,
                "Explaining the first model's mistakes with " + model.name() + " on " + data.name());
    }

    /** The shown picks explained in batches, each drawn with its maps into {@code folder}, with progress. */
    private List<GallerySample> explainAll(List<Shown> all, ModelUnderTest model, LabelledImages data, String folder,
                                           Pictures pictures, AttributionCache cache, Progress progress,
                                           String task) {
        List<GallerySample> samples = new ArrayList<>();
        progress.update(task, 0, all.size());
        for (int from = 0; from < all.size(); from += plan.batchSize()) {
            int to = Math.min(all.size(), from + plan.batchSize());
            List<Shown> batch = all.subList(from, to);
            List<float[][]> maps = explain(model.engine(), data, batch, model.name(), cache);
            for (int i = 0; i < batch.size(); i++) {
                samples.add(sample(data, batch.get(i), i, maps, folder, pictures));
            }
            progress.update(task, to, all.size());
        }
        return samples;
    }

    private static void collect(List<GalleryPicks.Pick> picks, GallerySample.Outcome outcome, List<Shown> all) {
        for (int r = 0; r < picks.size(); r++) {
            all.add(new Shown(picks.get(r), outcome, r + 1));
        }
    }
}
