package dev.glassbox.data;

import dev.glassbox.Progress;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.Layouts;
import dev.glassbox.model.Preprocessing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which of the common pixel scales a model was trained with, found by asking it: a sample of labelled pictures is
 * shown to the model under each candidate, and the candidate it names most of them right under is chosen; among
 * equals, the one whose answers vary most across the pictures, then the more common convention. Confidence would
 * mislead: raw 0-255 pixels saturate many models' softmax, which is then sure of every answer, right or wrong.
 */
public final class ScaleProbe {

    /** A common way raw 0-255 pixels become model input. */
    public record Candidate(String name, Preprocessing preprocessing) {}

    /**
     * How a candidate did on the sample.
     *
     * @param right      pictures named as their folder says
     * @param distinct   how many different classes the model answered
     * @param confidence the mean probability of its answers
     */
    public record Outcome(Candidate candidate, int right, int images, int distinct, double confidence) {
        public double accuracy() {
            return images == 0 ? 0 : (double) right / images;
        }
    }

    /** Pictures shown per candidate, spread over the classes. */
    public static final int SAMPLE = 60;

    private ScaleProbe() {}

    /** The candidates for a model with {@code channels} channels, the most common first. */
    public static List<Candidate> candidates(int channels) {
        List<Candidate> out = new ArrayList<>();
        out.add(new Candidate("pixels / 255, in [0, 1]", plain(channels, 1.0 / 255, 0, 1)));
        out.add(new Candidate("raw pixels, in [0, 255]", plain(channels, 1, 0, 1)));
        out.add(new Candidate("pixels / 127.5 - 1, in [-1, 1]", plain(channels, 1.0 / 127.5, 1, 1)));
        if (channels == 3) {
            out.add(new Candidate("ImageNet mean and standard deviation", new Preprocessing(1.0 / 255,
                    List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225))));
        }
        return out;
    }

    /** Every candidate's outcome on a seeded sample of the folder, best first. */
    public static List<Outcome> probe(GradientEngine engine, ImageFolder folder, InputSpec size, Progress progress) {
        int[] indices = sample(folder, SAMPLE);
        List<Outcome> outcomes = new ArrayList<>();
        List<Candidate> candidates = candidates(size.channels());
        for (int k = 0; k < candidates.size(); k++) {
            outcomes.add(outcome(engine, folder, size, indices, candidates.get(k)));
            progress.update("Trying pixel scales on the model", k + 1, candidates.size());
        }
        // most right first; then the answers that vary most; then the more common convention (the list's order)
        List<Outcome> ranked = new ArrayList<>(outcomes);
        ranked.sort(Comparator.comparingInt(Outcome::right).thenComparingInt(Outcome::distinct).reversed());
        return ranked;
    }

    private static Outcome outcome(GradientEngine engine, ImageFolder folder, InputSpec size, int[] indices,
                                   Candidate candidate) {
        InputSpec nchw = InputSpec.image(dev.glassbox.model.InputLayout.NCHW, size.channels(), size.height(),
                size.width());
        int length = (int) nchw.length();
        float[] values = new float[indices.length * length];
        for (int i = 0; i < indices.length; i++) {
            ImageFiles.read(folder.entries().get(indices[i]).file(), size.width(), size.height(), "the model takes")
                    .toChannelsFirst(size.channels(), candidate.preprocessing()::apply, values, i * length);
        }
        INDArray batch = org.nd4j.linalg.factory.Nd4j.create(values, nchw.batchShape(indices.length), 'c');
        INDArray x = Layouts.convert(batch, nchw, engine.input(), folder.root().getFileName().toString(), "model");
        float[][] p = engine.probabilities(x.castTo(engine.dataType())).castTo(DataType.FLOAT).toFloatMatrix();
        int right = 0;
        double confidence = 0;
        java.util.Set<Integer> answers = new java.util.HashSet<>();
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                best = p[i][c] > p[i][best] ? c : best;
            }
            right += best == folder.entries().get(indices[i]).label() ? 1 : 0;
            confidence += p[i][best];
            answers.add(best);
        }
        return new Outcome(candidate, right, p.length, answers.size(), p.length == 0 ? 0 : confidence / p.length);
    }

    /** Up to {@code n} pictures, taken in turn from each class, in a seeded order within each class. */
    static int[] sample(ImageFolder folder, int n) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < folder.classes().size(); c++) {
            byClass.add(new ArrayList<>());
        }
        List<ImageFolder.Entry> entries = folder.entries();
        for (int i = 0; i < entries.size(); i++) {
            byClass.get(entries.get(i).label()).add(i);
        }
        java.util.Random random = new java.util.Random(17);
        byClass.forEach(l -> Collections.shuffle(l, random));
        List<Integer> out = new ArrayList<>();
        for (int round = 0; out.size() < n; round++) {
            boolean any = false;
            for (List<Integer> l : byClass) {
                if (round < l.size() && out.size() < n) {
                    out.add(l.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Preprocessing plain(int channels, double scale, double mean, double std) {
        return new Preprocessing(scale, Collections.nCopies(channels, mean), Collections.nCopies(channels, std));
    }
}
