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

    final String layer;
    final Activations layout;
    final Nmf.Factorization factors;
    final int sampledImages;
    final int sampledPositions;
    final List<LabelledImages> datasets;
    final int groups;
    final int classes;
    private final int height;
    private final int width;
    private final List<PriorityQueue<Top>> examples = new ArrayList<>();
    /** Per group and class, the summed share of the layer's activation the group carries; images per class. */
    final double[][] shareSum;
    final int[] classImages;
    final double[] offMass;
    /** [group][dataset][trait][class][with?] sums and counts of activations. */
    final double[][][][][] traitSum;
    final int[][][][][] traitCount;
    final double[][] relianceSum;
    final int[] relianceCount;
    /** The unit group directions as columns {@code [channels, groups]}; H Hᵀ and its inverse. */
    private final INDArray directions;
    private final double[][] gramRows;
    private final double[] gramDiagonal;
    private final INDArray gramInverse;
    /** The data set's highest mean projection a · h, the measure group pictures are optimized for. */
    final double[] projectionMax;
    /** Per group, the summed activation on the objects and off them, and the object and background areas. */
    final double[] onMass;
    double onArea;
    double offArea;
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
        this.gramInverse = Matrices.ridgeInverse(hht).castTo(DataType.FLOAT);
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

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }
}
