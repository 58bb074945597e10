package dev.glassbox.featurevis;

import dev.glassbox.featurevis.NeuronAnalysis.ImageRef;
import dev.glassbox.report.ClassReliance;
import dev.glassbox.report.GroupExample;
import dev.glassbox.report.ImageTrait;
import dev.glassbox.report.LabelledImages;
import dev.glassbox.report.NeuronGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one pass over the data learns about one layer's neuron groups: each group's activation on every image
 * (kept as its strongest examples, its class mix, its share off the objects, its activation with and without each
 * image trait) and, on the sample, how much each class's logit owes to it.
 */
final class LayerScan {

    /** A strong example: the image, its activation, and the group's map over its positions. */
    record Top(ImageRef ref, double score, float[] map) {}

    /** A trait measured against a group only where both kinds of image are this many or more. */
    private static final int MIN_TRAIT_IMAGES = 3;
    /** A share of top images, an off-object share or a trait ratio this large is worth a caption. */
    private static final double CLASS_MAJORITY = 0.5;
    private static final double OFF_OBJECT = 0.6;
    private static final double ON_OBJECT = 0.3;
    private static final double TRAIT_RATIO = 1.5;

    final String layer;
    final Activations layout;
    final Nmf.Factorization factors;
    final int sampledPositions;
    private final List<LabelledImages> datasets;
    private final int groups;
    private final int classes;
    private final int height;
    private final int width;
    private final double[] datasetMax;
    private final List<PriorityQueue<Top>> examples = new ArrayList<>();
    private final List<PriorityQueue<double[]>> strongest = new ArrayList<>();
    private final double[][] offMass;
    private final double[][] totalMass;
    /** [group][dataset][trait][class][with?] sums and counts of activations. */
    private final double[][][][][] traitSum;
    private final int[][][][][] traitCount;
    private final double[][] relianceSum;
    private final int[] relianceCount;

    /** @param spatialSize the layer's height and width */
    LayerScan(String layer, Activations layout, long[] spatialSize, Nmf.Factorization factors, int sampledPositions,
              List<LabelledImages> datasets) {
        this.layer = layer;
        this.layout = layout;
        this.factors = factors;
        this.sampledPositions = sampledPositions;
        this.datasets = datasets;
        this.groups = factors.h().length;
        this.classes = datasets.get(0).classes().size();
        this.height = (int) spatialSize[0];
        this.width = (int) spatialSize[1];
        this.datasetMax = new double[groups];
        java.util.Arrays.fill(datasetMax, Double.NEGATIVE_INFINITY);
        for (int g = 0; g < groups; g++) {
            examples.add(new PriorityQueue<>(Comparator.comparingDouble(Top::score)));
            strongest.add(new PriorityQueue<>(Comparator.comparingDouble((double[] a) -> a[0])));
        }
        this.offMass = new double[groups][1];
        this.totalMass = new double[groups][1];
        int traits = datasets.stream().mapToInt(d -> d.traits().size()).max().orElse(0);
        this.traitSum = new double[groups][datasets.size()][traits][classes][2];
        this.traitCount = new int[groups][datasets.size()][traits][classes][2];
        this.relianceSum = new double[groups][classes];
        this.relianceCount = new int[classes];
    }

    int groups() {
        return groups;
    }

    int sampledImages() {
        return sampledPositions == 0 ? 0 : Math.max(1, sampledPositions / Math.min(NeuronAnalysis.POSITIONS_PER_IMAGE,
                layout.positions()));
    }

    double[] direction(int group) {
        return factors.h()[group].clone();
    }

    /** The group maps of a batch, {@code [image][group][position]}: a · h at every position. */
    private float[][][] maps(INDArray activations, int n) {
        float[] flat = activations.castTo(DataType.FLOAT).dup('c').reshape(-1).toFloatVector();
        double[][] h = factors.h();
        float[][][] out = new float[n][groups][layout.positions()];
        for (int i = 0; i < n; i++) {
            int base = i * layout.length();
            for (int p = 0; p < layout.positions(); p++) {
                for (int c = 0; c < layout.channels(); c++) {
                    float a = flat[base + layout.at(c, p)];
                    if (a == 0) {
                        continue;
                    }
                    for (int g = 0; g < groups; g++) {
                        out[i][g][p] += (float) (a * h[g][c]);
                    }
                }
            }
        }
        return out;
    }

    void add(List<ImageRef> refs, INDArray activations) {
        float[][][] maps = maps(activations, refs.size());
        LabelledImages data = datasets.get(refs.get(0).dataset());
        float[][] masks = data.hasMasks() ? cellMasks(data, refs) : null;
        for (int i = 0; i < refs.size(); i++) {
            ImageRef ref = refs.get(i);
            int label = data.label(ref.index());
            for (int g = 0; g < groups; g++) {
                float[] map = maps[i][g];
                double score = mean(map);
                datasetMax[g] = Math.max(datasetMax[g], score);
                offer(examples.get(g), new Top(ref, score, map), NeuronAnalysis.EXAMPLES);
                PriorityQueue<double[]> top = strongest.get(g);
                top.add(new double[] {score, label});
                if (top.size() > NeuronAnalysis.TOP_FOR_CLASSES) {
                    top.poll();
                }
                if (masks != null) {
                    for (int p = 0; p < map.length; p++) {
                        double v = Math.max(0, map[p]);
                        offMass[g][0] += v * (1 - masks[i][p]);
                        totalMass[g][0] += v;
                    }
                }
                List<ImageTrait> traits = data.traits();
                for (int t = 0; t < traits.size(); t++) {
                    int with = traits.get(t).has(ref.index()) ? 1 : 0;
                    traitSum[g][ref.dataset()][t][label][with] += score;
                    traitCount[g][ref.dataset()][t][label][with]++;
                }
            }
        }
    }

    private static void offer(PriorityQueue<Top> heap, Top candidate, int size) {
        if (heap.size() < size) {
            heap.add(candidate);
        } else if (candidate.score() > heap.peek().score()) {
            heap.poll();
            heap.add(candidate);
        }
    }

    /** Σ over positions of (a · h)(∇ · h) per group, added to each image's class. */
    void addReliance(int[] labels, INDArray activations, INDArray gradients) {
        float[][][] a = maps(activations, labels.length);
        float[][][] g = maps(gradients, labels.length);
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < groups; k++) {
                double sum = 0;
                for (int p = 0; p < a[i][k].length; p++) {
                    sum += (double) a[i][k][p] * g[i][k][p];
                }
                relianceSum[k][labels[i]] += sum;
            }
            relianceCount[labels[i]]++;
        }
    }

    /** The share of each layer position covered by the object, per image of the batch. */
    private float[][] cellMasks(LabelledImages data, List<ImageRef> refs) {
        int h = data.input().height();
        int w = data.input().width();
        float[][] out = new float[refs.size()][layout.positions()];
        for (int i = 0; i < refs.size(); i++) {
            float[] mask = data.masks().read(refs.get(i).index(), refs.get(i).index() + 1).castTo(DataType.FLOAT)
                    .reshape(-1).toFloatVector();
            float[] count = new float[layout.positions()];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int cell = cell(y, x, h, w);
                    out[i][cell] += mask[y * w + x];
                    count[cell]++;
                }
            }
            for (int p = 0; p < count.length; p++) {
                out[i][p] = count[p] > 0 ? out[i][p] / count[p] : 0;
            }
        }
        return out;
    }

    private int cell(int y, int x, int h, int w) {
        return (int) ((long) y * height / h) * width + (int) ((long) x * width / w);
    }

    /** A map over the layer's positions drawn at image size (each pixel takes its position's value). */
    float[] upsample(float[] map, int h, int w) {
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = Math.max(0, map[cell(y, x, h, w)]);
            }
        }
        return out;
    }

    /** The group's strongest images, strongest first. */
    List<Top> top(int group) {
        List<Top> out = new ArrayList<>(examples.get(group));
        out.sort(Comparator.comparingDouble(Top::score).reversed().thenComparing(t -> t.ref().dataset())
                .thenComparing(t -> t.ref().index()));
        return out;
    }

    /** The group as the report shows it. */
    NeuronGroup describe(int group, double objective, String picture, List<GroupExample> shown) {
        List<String> classNames = datasets.get(0).classes();
        List<String> notes = new ArrayList<>();
        List<String> caption = new ArrayList<>();

        int[] counts = new int[classes];
        strongest.get(group).forEach(a -> counts[(int) a[1]]++);
        int n = strongest.get(group).size();
        Integer[] byCount = order(counts);
        int first = byCount[0];
        if (n > 0 && counts[first] >= CLASS_MAJORITY * n) {
            caption.add("most active on " + classNames.get(first) + " images");
            notes.add(counts[first] + " of its " + n + " strongest images are " + classNames.get(first) + ".");
        } else if (n > 0) {
            List<String> mix = new ArrayList<>();
            int covered = 0;
            for (int k = 0; k < Math.min(3, classes) && covered < 0.6 * n; k++) {
                mix.add(classNames.get(byCount[k]) + " (" + counts[byCount[k]] + ")");
                covered += counts[byCount[k]];
            }
            caption.add("active on several classes");
            notes.add("Its " + n + " strongest images are of several classes: " + String.join(", ", mix) + ".");
        }

        List<String> traitPhrases = traitPhrases(group, notes);
        caption.addAll(traitPhrases);

        double off = totalMass[group][0] > 0 ? offMass[group][0] / totalMass[group][0] : Double.NaN;
        if (!Double.isNaN(off)) {
            String share = percent(off);
            if (off >= OFF_OBJECT) {
                caption.add("mostly outside the objects");
                notes.add(share + " of its activation lies outside the objects (background, corners): it may be"
                        + " a shortcut rather than a part of the object.");
            } else if (off <= ON_OBJECT) {
                caption.add("on the objects themselves");
                notes.add(percent(1 - off) + " of its activation lies on the objects.");
            } else {
                notes.add(share + " of its activation lies outside the objects, the rest on them or at their"
                        + " edges.");
            }
        }
        String sentence = caption.isEmpty() ? "Weakly active on every kind of image."
                : capitalize(String.join("; ", caption)) + ".";

        List<ClassReliance> reliance = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            double contribution = relianceCount[k] == 0 ? 0 : relianceSum[group][k] / relianceCount[k];
            double total = 0;
            for (int g = 0; g < groups; g++) {
                total += Math.abs(relianceCount[k] == 0 ? 0 : relianceSum[g][k] / relianceCount[k]);
            }
            reliance.add(new ClassReliance(classNames.get(k), contribution, total > 0 ? contribution / total : 0));
        }
        reliance.sort(Comparator.comparingDouble(ClassReliance::share).reversed());

        double[] h = factors.h()[group];
        Integer[] channels = new Integer[h.length];
        for (int c = 0; c < h.length; c++) {
            channels[c] = c;
        }
        java.util.Arrays.sort(channels, (a, b) -> Double.compare(h[b], h[a]));
        List<Integer> topChannels = new ArrayList<>();
        for (int c = 0; c < Math.min(5, h.length) && h[channels[c]] > 0; c++) {
            topChannels.add(channels[c]);
        }
        return new NeuronGroup(group + 1, picture, objective, datasetMax[group], sentence, notes, off, topChannels,
                shown, reliance);
    }

    /**
     * For each trait, the group's activation on images with it against images of the same class and data set
     * without it (geometric mean of the per-class ratios, weighted by the smaller count).
     */
    private List<String> traitPhrases(int group, List<String> notes) {
        List<String> phrases = new ArrayList<>();
        int traits = traitSum[group].length == 0 ? 0 : traitSum[group][0].length;
        for (int t = 0; t < traits; t++) {
            double logSum = 0;
            double weight = 0;
            String phrase = null;
            for (int d = 0; d < datasets.size(); d++) {
                if (t >= datasets.get(d).traits().size()) {
                    continue;
                }
                phrase = datasets.get(d).traits().get(t).phrase();
                for (int k = 0; k < classes; k++) {
                    int without = traitCount[group][d][t][k][0];
                    int with = traitCount[group][d][t][k][1];
                    if (with < MIN_TRAIT_IMAGES || without < MIN_TRAIT_IMAGES) {
                        continue;
                    }
                    double a = traitSum[group][d][t][k][1] / with;
                    double b = traitSum[group][d][t][k][0] / without;
                    if (a <= 0 || b <= 0) {
                        continue;
                    }
                    double w = Math.min(with, without);
                    logSum += w * Math.log(a / b);
                    weight += w;
                }
            }
            if (weight == 0 || phrase == null) {
                continue;
            }
            double ratio = Math.exp(logSum / weight);
            if (ratio >= TRAIT_RATIO) {
                phrases.add("strongest on images with " + phrase);
                notes.add(String.format(Locale.ROOT, "On images with %s it is %.1f× as active as on images of the"
                        + " same class without it.", phrase, ratio));
            } else if (ratio <= 1 / TRAIT_RATIO) {
                notes.add(String.format(Locale.ROOT, "On images with %s it is only %.0f%% as active as on images of"
                        + " the same class without it.", phrase, 100 * ratio));
            }
        }
        return phrases;
    }

    private static Integer[] order(int[] counts) {
        Integer[] idx = new Integer[counts.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        return idx;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
