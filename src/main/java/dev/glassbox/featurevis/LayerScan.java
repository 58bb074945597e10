package dev.glassbox.featurevis;

import dev.glassbox.imaging.PixelMaps;
import dev.glassbox.featurevis.NeuronAnalysis.ImageRef;
import dev.glassbox.data.ImageTrait;
import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * What one pass over the data learns about one layer's neuron groups: each group's activation on every image
 * (kept as its strongest examples, its class mix, its share off the objects, its activation with and without each
 * image trait) and, on the sample, how much each class's logit owes to it.
 */
final class LayerScan {

    /** A strong example: the image, its activation, and the group's map over its positions. */
    record Top(ImageRef ref, double score, double share, float[] map) {
        /** What examples are ranked by: the activation weighted by the share of the layer's activation. */
        double rank() {
            return score * share;
        }
    }

    /** A trait measured against a group only where both kinds of image are this many or more. */
    private static final int MIN_TRAIT_IMAGES = 3;
    /** A class lift, an off-object density or a trait ratio this large is worth a caption. */
    private static final double CLASS_LIFT = 1.3;
    /** How much denser a group must be off the objects than on them (or the reverse) to say so. */
    private static final double DENSER = 2;
    private static final double TRAIT_RATIO = 1.5;

    final String layer;
    final Activations layout;
    final Nmf.Factorization factors;
    final int sampledImages;
    final int sampledPositions;
    private final List<LabelledImages> datasets;
    private final int groups;
    private final int classes;
    private final int height;
    private final int width;
    private final List<PriorityQueue<Top>> examples = new ArrayList<>();
    /** Per group and class, the summed share of the layer's activation the group carries; images per class. */
    private final double[][] shareSum;
    private final int[] classImages;
    private final double[] offMass;
    /** [group][dataset][trait][class][with?] sums and counts of activations. */
    private final double[][][][][] traitSum;
    private final int[][][][][] traitCount;
    private final double[][] relianceSum;
    private final int[] relianceCount;
    /** The unit group directions as columns {@code [channels, groups]}; H Hᵀ and its inverse. */
    private final INDArray directions;
    private final double[][] gramRows;
    private final double[] gramDiagonal;
    private final INDArray gramInverse;
    /** The data set's highest mean projection a · h, the measure group pictures are optimized for. */
    private final double[] projectionMax;
    /** Per group, the summed activation on the objects and off them, and the object and background areas. */
    private final double[] onMass;
    private double onArea;
    private double offArea;
    private static final int COEFFICIENT_SWEEPS = 3;

    /** @param spatialSize the layer's height and width */
    LayerScan(String layer, Activations layout, long[] spatialSize, Nmf.Factorization factors, int sampledImages,
              int sampledPositions, List<LabelledImages> datasets) {
        this.layer = layer;
        this.layout = layout;
        this.factors = factors;
        this.sampledImages = sampledImages;
        this.sampledPositions = sampledPositions;
        this.datasets = datasets;
        this.groups = factors.h().length;
        this.classes = datasets.get(0).classes().size();
        this.height = (int) spatialSize[0];
        this.width = (int) spatialSize[1];
        for (int g = 0; g < groups; g++) {
            examples.add(new PriorityQueue<>(Comparator.comparingDouble(Top::rank)));
        }
        this.offMass = new double[groups];
        this.shareSum = new double[groups][classes];
        this.classImages = new int[classes];
        int traits = datasets.stream().mapToInt(d -> d.traits().size()).max().orElse(0);
        this.traitSum = new double[groups][datasets.size()][traits][classes][2];
        this.traitCount = new int[groups][datasets.size()][traits][classes][2];
        this.relianceSum = new double[groups][classes];
        this.relianceCount = new int[classes];
        INDArray h = org.nd4j.linalg.factory.Nd4j.create(factors.h());
        this.directions = h.transpose().castTo(DataType.FLOAT).dup('c');
        INDArray hht = h.mmul(h.transpose());
        this.gramRows = hht.toDoubleMatrix();
        this.gramDiagonal = new double[groups];
        for (int g = 0; g < groups; g++) {
            gramDiagonal[g] = gramRows[g][g];
        }
        this.gramInverse = inverse(hht).castTo(DataType.FLOAT);
        this.projectionMax = new double[groups];
        java.util.Arrays.fill(projectionMax, Double.NEGATIVE_INFINITY);
        this.onMass = new double[groups];
    }

    int groups() {
        return groups;
    }

    double[] direction(int group) {
        return factors.h()[group].clone();
    }

    /** Per image position (rows, image by image) the activations projected on each group's direction: a · h. */
    private INDArray projections(INDArray activations, int n) {
        int c = layout.channels();
        int p = layout.positions();
        INDArray a = activations.castTo(DataType.FLOAT);
        INDArray rows = layout.channelsLast() ? a.dup('c').reshape('c', (long) n * p, c)
                : a.dup('c').reshape('c', n, c, p).permute(0, 2, 1).dup('c').reshape('c', (long) n * p, c);
        return rows.mmul(directions);
    }

    /**
     * Each group's share of the activations at every position: the non-negative coefficients w that best rebuild
     * a as Σ w_g h_g, from the projections (least squares cut at zero, then a few sweeps of the HALS update the
     * factorization uses). Unlike the projections, they say which group a position belongs to.
     */
    private INDArray coefficients(INDArray projections) {
        float[] w = Transforms.relu(projections.mmul(gramInverse), false).dup('c').reshape(-1).toFloatVector();
        float[] proj = projections.dup('c').reshape(-1).toFloatVector();
        for (int row = 0; row < w.length; row += groups) {
            for (int sweep = 0; sweep < COEFFICIENT_SWEEPS; sweep++) {
                for (int g = 0; g < groups; g++) {
                    if (gramDiagonal[g] <= 0) {
                        w[row + g] = 0;
                        continue;
                    }
                    double rebuilt = 0;
                    for (int j = 0; j < groups; j++) {
                        rebuilt += w[row + j] * gramRows[j][g];
                    }
                    w[row + g] = (float) Math.max(0, w[row + g] + (proj[row + g] - rebuilt) / gramDiagonal[g]);
                }
            }
        }
        return org.nd4j.linalg.factory.Nd4j.create(w, projections.shape(), 'c');
    }

    /** Rows of {@code [images × positions, groups]} as {@code [image][group][position]}. */
    private float[][][] perImage(INDArray rows, int n) {
        float[] flat = rows.dup('c').reshape(-1).toFloatVector();
        int p = layout.positions();
        float[][][] out = new float[n][groups][p];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < p; q++) {
                int at = (i * p + q) * groups;
                for (int g = 0; g < groups; g++) {
                    out[i][g][q] = flat[at + g];
                }
            }
        }
        return out;
    }

    /** @param masks each image's object mask at image size (1 on the object), or null where there are none */
    void add(List<ImageRef> refs, INDArray activations, float[][] masks) {
        INDArray projected = projections(activations, refs.size());
        float[][][] projections = perImage(projected, refs.size());
        float[][][] maps = perImage(coefficients(projected), refs.size());
        LabelledImages data = datasets.get(refs.get(0).dataset());
        float[][] cells = masks == null ? null : cellMasks(data, masks);
        for (int i = 0; i < refs.size(); i++) {
            ImageRef ref = refs.get(i);
            int label = data.label(ref.index());
            if (cells != null) {
                for (float m : cells[i]) {
                    onArea += m;
                    offArea += 1 - m;
                }
            }
            double total = 0;
            for (int g = 0; g < groups; g++) {
                total += mean(maps[i][g]);
            }
            classImages[label]++;
            for (int g = 0; g < groups; g++) {
                projectionMax[g] = Math.max(projectionMax[g], mean(projections[i][g]));
                float[] map = maps[i][g];
                double score = mean(map);
                double share = total > 0 ? score / total : 0;
                shareSum[g][label] += share;
                // strong and distinctive: an image on which every group is busy says little about this one
                offer(examples.get(g), new Top(ref, score, share, map), NeuronAnalysis.EXAMPLES);
                if (cells != null) {
                    for (int p = 0; p < map.length; p++) {
                        offMass[g] += map[p] * (1 - cells[i][p]);
                        onMass[g] += map[p] * cells[i][p];
                    }
                }
                List<ImageTrait> traits = data.traits();
                for (int t = 0; t < traits.size(); t++) {
                    int with = traits.get(t).has(ref.index()) ? 1 : 0;
                    traitSum[g][ref.dataset()][t][label][with] += share;
                    traitCount[g][ref.dataset()][t][label][with]++;
                }
            }
        }
    }

    private static void offer(PriorityQueue<Top> heap, Top candidate, int size) {
        if (heap.size() < size) {
            heap.add(candidate);
        } else if (candidate.rank() > heap.peek().rank()) {
            heap.poll();
            heap.add(candidate);
        }
    }

    /**
     * Σ over positions of w · (∇ · h) per group, added to each image's class: the group's coefficient times the
     * logit's gradient along its direction, the first-order share of the logit that the group carries.
     */
    void addReliance(int[] labels, INDArray activations, INDArray gradients) {
        float[][][] a = perImage(coefficients(projections(activations, labels.length)), labels.length);
        float[][][] g = perImage(projections(gradients, labels.length), labels.length);
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
    private float[][] cellMasks(LabelledImages data, float[][] masks) {
        int h = data.input().height();
        int w = data.input().width();
        float[][] out = new float[masks.length][layout.positions()];
        for (int i = 0; i < masks.length; i++) {
            float[] mask = masks[i];
            float[] count = new float[layout.positions()];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int cell = PixelMaps.cell(y, x, height, width, h, w);
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

    /** A map over the layer's positions drawn at image size (each pixel takes its position's value, at least 0). */
    float[] upsample(float[] map, int h, int w) {
        float[] out = PixelMaps.stretch(map, height, width, h, w);
        for (int p = 0; p < out.length; p++) {
            out[p] = Math.max(0, out[p]);
        }
        return out;
    }

    /** The group's strongest images, strongest first. */
    List<Top> top(int group) {
        List<Top> out = new ArrayList<>(examples.get(group));
        out.sort(Comparator.comparingDouble(Top::rank).reversed().thenComparing(t -> t.ref().dataset())
                .thenComparing(t -> t.ref().index()));
        return out;
    }

    /** The group as the report shows it. */
    NeuronGroup describe(int group, double objective, String picture, List<GroupExample> shown) {
        List<String> classNames = datasets.get(0).classes();
        List<String> notes = new ArrayList<>();
        List<String> caption = new ArrayList<>();

        // Which classes the group takes a larger share of the layer's activation on than on average
        int images = 0;
        double all = 0;
        double[] lift = new double[classes];
        for (int k = 0; k < classes; k++) {
            images += classImages[k];
            all += shareSum[group][k];
        }
        double average = images > 0 ? all / images : 0;
        Integer[] byLift = new Integer[classes];
        for (int k = 0; k < classes; k++) {
            lift[k] = classImages[k] > 0 && average > 0 ? shareSum[group][k] / classImages[k] / average : 0;
            byLift[k] = k;
        }
        java.util.Arrays.sort(byLift, (a, b) -> lift[a] != lift[b] ? Double.compare(lift[b], lift[a])
                : Integer.compare(a, b));
        int first = byLift[0];
        if (lift[first] >= CLASS_LIFT) {
            caption.add("most active on " + classNames.get(first) + " images");
        }
        List<String> high = new ArrayList<>();
        for (int k = 0; k < classes && lift[byLift[k]] >= CLASS_LIFT; k++) {
            high.add(classNames.get(byLift[k]) + String.format(Locale.ROOT, " (%.1f×)", lift[byLift[k]]));
        }
        notes.add(String.format(Locale.ROOT, "It carries %s of this layer's activation on an average image", percent(
                average)) + (high.isEmpty() ? ", and about as much on every class."
                : "; more on " + String.join(", ", high) + "."));

        List<String> traitPhrases = traitPhrases(group, notes);
        caption.addAll(traitPhrases);

        double mass = offMass[group] + onMass[group];
        double off = mass > 0 && onArea > 0 ? offMass[group] / mass : Double.NaN;
        if (!Double.isNaN(off)) {
            // Backgrounds are most of a picture: compare how dense the activation is off and on the objects.
            double density = onMass[group] > 0 ? (offMass[group] / offArea) / (onMass[group] / onArea)
                    : Double.POSITIVE_INFINITY;
            String where = String.format(Locale.ROOT, "%s of its activation lies outside the objects, which leave"
                    + " %s of the picture to the background", percent(off), percent(offArea / (onArea + offArea)));
            if (density >= DENSER) {
                caption.add("mostly on the background, not the objects");
                notes.add(where + String.format(Locale.ROOT, ": it is %.1f× as dense there as on the objects, so it"
                        + " may be a shortcut rather than a part of the object.", density));
            } else if (density <= 1 / DENSER) {
                caption.add("on the objects themselves");
                notes.add(where + String.format(Locale.ROOT, ": it is %.1f× as dense on the objects as off them.",
                        1 / density));
            } else {
                notes.add(where + ": it is about as dense on the objects as off them.");
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
        return new NeuronGroup(group + 1, picture, objective, projectionMax[group], sentence, notes, off, topChannels,
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
                notes.add(String.format(Locale.ROOT, "On images with %s it carries %.1f× the share of the layer's"
                        + " activation it carries on images of the same class without it.", phrase, ratio));
            } else if (ratio <= 1 / TRAIT_RATIO) {
                notes.add(String.format(Locale.ROOT, "On images with %s it is only %.0f%% as active as on images of"
                        + " the same class without it.", phrase, 100 * ratio));
            }
        }
        return phrases;
    }

    /** The inverse of the groups' Gram matrix, with a tiny ridge so that groups that coincide stay finite. */
    /**
     * The inverse of the groups' small Gram matrix with a tiny ridge, by Gauss-Jordan elimination with partial
     * pivoting: ND4J's {@code matrix_inverse} refuses the near-singular matrices that groups without activations give.
     */
    static INDArray inverse(INDArray m) {
        int n = m.rows();
        double[][] a = new double[n][2 * n];
        double[][] values = m.toDoubleMatrix();
        for (int i = 0; i < n; i++) {
            System.arraycopy(values[i], 0, a[i], 0, n);
            a[i][i] += 1e-6;
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double d = a[col][col];
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                double f = a[r][col];
                if (r != col && f != 0) {
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return org.nd4j.linalg.factory.Nd4j.create(inverse);
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
