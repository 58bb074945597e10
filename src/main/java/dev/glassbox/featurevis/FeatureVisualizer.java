package dev.glassbox.featurevis;

import dev.glassbox.Progress;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.LayerInfo;
import dev.glassbox.model.MultiObjectiveGradient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Optimizes pictures to raise objectives on a model, as Lucid's {@code render_vis} does: Fourier-space pictures with
 * decorrelated colour ({@link FourierImage}), a random view of each picture at every step ({@link Transforms}), Adam
 * on the spectrum. All the pictures of a call are one batch, whatever their layers: one forward and one backward
 * pass per step.
 */
public final class FeatureVisualizer {

    /**
     * @param steps        optimization steps (Lucid: 512; Glassbox's default 256)
     * @param learningRate Adam's step size (Lucid: 0.05)
     * @param seed         where the starting spectra and the views come from
     * @param transforms   the random views
     * @param diversity    the weight of the diversity term among copies of one objective (0: none)
     */
    public record Settings(int steps, double learningRate, long seed, Transforms transforms, double diversity) {

        public static final int DEFAULT_STEPS = 256;
        public static final double LEARNING_RATE = 0.05;

        public Settings {
            if (steps < 1 || !(learningRate > 0) || diversity < 0) {
                throw new IllegalArgumentException("feature visualization: " + steps + " steps, learning rate "
                        + learningRate + ", diversity " + diversity);
            }
        }

        /** Lucid's settings with the given steps, transforms sized for the input and no diversity term. */
        public static Settings of(int steps, long seed, int height, int width) {
            return new Settings(steps, LEARNING_RATE, seed, Transforms.forSize(height, width), 0);
        }

        public Settings withDiversity(double weight) {
            return new Settings(steps, learningRate, seed, transforms, weight);
        }
    }

    /** An objective and how many different pictures of it to make (the diversity term sets them apart). */
    public record Goal(Objective objective, int copies) {
        public Goal {
            if (copies < 1) {
                throw new IllegalArgumentException(copies + " copies");
            }
        }
    }

    /**
     * One optimized picture.
     *
     * @param objective what it was optimized for
     * @param pixels    {@code [channels × height × width]} values in (0, 1), channel by channel
     * @param value     the objective on the picture itself (no transformation)
     */
    public record Picture(Objective objective, float[] pixels, double value) {}

    private final GradientEngine engine;
    private final PictureInput input;
    private final FourierImage image;

    /** @param channelRanges per channel, the model input values of black and white (the data's preprocessing) */
    public FeatureVisualizer(GradientEngine engine, List<PixelRange> channelRanges) {
        this.engine = engine;
        this.input = new PictureInput(engine.input(), channelRanges);
        this.image = new FourierImage(input.channels(), input.height(), input.width());
    }

    /** One picture per objective. */
    public List<Picture> optimize(List<Objective> objectives, Settings settings, Progress progress) {
        return optimizeGoals(objectives.stream().map(o -> new Goal(o, 1)).toList(), settings, progress);
    }

    /**
     * {@code copies} pictures per goal, goal by goal. The pictures are optimized as one batch, or in as few batches
     * as the engine's memory budget needs (a goal's copies stay together).
     */
    public List<Picture> optimizeGoals(List<Goal> goals, Settings settings, Progress progress) {
        int rows = engine.passSizes().gradientRows();
        List<List<Goal>> batches = new ArrayList<>();
        List<Goal> current = new ArrayList<>();
        int size = 0;
        for (Goal g : goals) {
            if (!current.isEmpty() && size + g.copies() > rows) {
                batches.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(g);
            size += g.copies();
        }
        batches.add(current);
        if (batches.size() == 1) {
            return optimizeBatch(goals, settings, progress);
        }
        List<Picture> out = new ArrayList<>();
        for (List<Goal> b : batches) {
            out.addAll(optimizeBatch(b, settings, progress));
        }
        return out;
    }

    private List<Picture> optimizeBatch(List<Goal> goals, Settings settings, Progress progress) {
        List<Objective> batch = new ArrayList<>();
        List<int[]> copies = new ArrayList<>();
        for (Goal g : goals) {
            int[] members = new int[g.copies()];
            for (int c = 0; c < g.copies(); c++) {
                members[c] = batch.size();
                batch.add(g.objective());
            }
            copies.add(members);
        }
        Map<String, List<Integer>> byLayer = byLayer(batch);
        Map<String, Activations> layouts = new LinkedHashMap<>();
        byLayer.keySet().forEach(l -> layouts.put(l, Activations.of(engine.layer(l))));
        String diversityLayer = settings.diversity() > 0 ? diversityLayer(goals) : null;
        if (diversityLayer != null) {
            layouts.putIfAbsent(diversityLayer, Activations.of(engine.layer(diversityLayer)));
        }

        INDArray params = image.random(batch.size(), settings.seed());
        long n = params.length();
        GradientUpdater<?> adam = new Adam(settings.learningRate()).instantiate(Nd4j.zeros(params.dataType(), 1, 2 * n),
                true);
        Random views = new Random(settings.seed() ^ 0x5DEECE66DL);
        String task = "Optimizing " + batch.size() + (batch.size() == 1 ? " picture" : " pictures");
        for (int step = 0; step < settings.steps(); step++) {
            INDArray pictures = image.render(params);
            Warp warp = settings.transforms().draw(batch.size(), input.height(), input.width(), views);
            INDArray modelInput = input.toModel(warp.apply(pictures), engine.dataType());
            Map<String, UnaryOperator<INDArray>> objectives = new LinkedHashMap<>();
            for (String layer : layouts.keySet()) {
                List<Integer> members = byLayer.getOrDefault(layer, List.of());
                boolean diverse = layer.equals(diversityLayer);
                objectives.put(layer, a -> layerGradient(a, layouts.get(layer), batch, members,
                        diverse ? copies : List.of(), settings.diversity()));
            }
            MultiObjectiveGradient g = engine.objectivesGradient(modelInput, objectives);
            INDArray toPictures = warp.backward(input.backward(g.input()));
            // Adam minimizes: give it the negated gradient to climb the objectives
            INDArray update = image.backward(pictures, toPictures).negi().reshape('c', 1, n);
            adam.applyUpdater(update, step, 0);
            params.subi(update.reshape('c', params.shape()));
            progress.update(task, step + 1, settings.steps());
        }
        return finish(batch, params, layouts);
    }

    /** d(objectives)/d(activations) of one layer for the whole batch. */
    private static INDArray layerGradient(INDArray activations, Activations layout, List<Objective> batch,
                                          List<Integer> members, List<int[]> copies, double diversity) {
        int size = batch.size();
        float[][] a = perExample(activations, size, layout);
        float[][] out = new float[size][layout.length()];
        for (int i : members) {
            batch.get(i).gradient(a[i], layout, out[i]);
        }
        for (int[] group : copies) {
            if (group.length < 2) {
                continue;
            }
            float[][] acts = new float[group.length][];
            float[][] grads = new float[group.length][];
            for (int k = 0; k < group.length; k++) {
                acts[k] = a[group[k]];
                grads[k] = out[group[k]];
            }
            Diversity.gradient(acts, layout, -diversity, grads);
        }
        return Nd4j.create(out).reshape('c', activations.shape()).castTo(activations.dataType());
    }

    private static float[][] perExample(INDArray activations, int size, Activations layout) {
        float[] flat = activations.dup('c').reshape(-1).toFloatVector();
        float[][] out = new float[size][];
        for (int i = 0; i < size; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * layout.length(), (i + 1) * layout.length());
        }
        return out;
    }

    private Map<String, List<Integer>> byLayer(List<Objective> batch) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String layer = batch.get(i).layer() == null ? engine.logitsLayer() : batch.get(i).layer();
            out.computeIfAbsent(layer, l -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /**
     * Where the diversity term compares copies: the layer of the first objective with height and width, else the
     * model's last layer with height and width (the logits have no positions to compare).
     */
    private String diversityLayer(List<Goal> goals) {
        for (Goal g : goals) {
            String l = g.objective().layer();
            if (l != null && engine.layer(l).spatial()) {
                return l;
            }
        }
        List<LayerInfo> spatial = engine.spatialLayers();
        return spatial.isEmpty() ? null : spatial.get(spatial.size() - 1).name();
    }

    /** The pictures and each objective measured on its own picture, untransformed. */
    private List<Picture> finish(List<Objective> batch, INDArray params, Map<String, Activations> layouts) {
        INDArray pictures = image.render(params);
        INDArray modelInput = input.toModel(pictures, engine.dataType());
        Map<String, float[][]> acts = new LinkedHashMap<>();
        engine.activations(modelInput, layouts.keySet())
                .forEach((layer, a) -> acts.put(layer, perExample(a, batch.size(), layouts.get(layer))));
        int length = input.channels() * input.height() * input.width();
        float[] flat = pictures.dup('c').reshape(-1).toFloatVector();
        List<Picture> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Objective o = batch.get(i);
            String layer = o.layer() == null ? engine.logitsLayer() : o.layer();
            out.add(new Picture(o, java.util.Arrays.copyOfRange(flat, i * length, (i + 1) * length),
                    o.value(acts.get(layer)[i], layouts.get(layer))));
        }
        return out;
    }
}
