package dev.glassbox.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A batch split into chunks of rows, each run through one pass, the results joined: how the engine keeps a pass
 * within its {@link MemoryBudget} whatever the batch a caller gives it, and shares the rows among its lanes
 * ({@link EngineLanes}).
 */
public final class Chunks {

    private Chunks() {}

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a batch, as a view. */
    static INDArray rows(INDArray x, long from, long to) {
        if (from == 0 && to == x.size(0)) {
            return x;
        }
        INDArrayIndex[] idx = new INDArrayIndex[x.rank()];
        idx[0] = NDArrayIndex.interval(from, to);
        Arrays.fill(idx, 1, idx.length, NDArrayIndex.all());
        return x.get(idx);
    }

    /**
     * The chunk size that splits {@code n} rows into the fewest chunks of at most {@code most} rows, all about the
     * same size: 32 rows at most 30 a chunk run as 16 + 16, not 30 + 2.
     */
    public static int balanced(long n, int most) {
        long chunks = (n + most - 1) / most;
        return (int) Math.max(1, (n + chunks - 1) / chunks);
    }

    /** A pass over some of a batch's rows on one of the engine's lanes. */
    @FunctionalInterface
    interface Piece<T> {
        /**
         * @param passes  the lane's passes
         * @param rows    the rows
         * @param targets their targets, or null where the pass has none
         */
        T apply(GraphPasses passes, INDArray rows, int[] targets);
    }

    /**
     * A batch's split: piece {@code i} is rows {@code bounds[i]} (inclusive) to {@code bounds[i + 1]}, and
     * {@code lanes} pieces run at once.
     */
    record Split(long[] bounds, int lanes) {
        int pieces() {
            return bounds.length - 1;
        }
    }

    /**
     * Where a batch of {@code n} rows splits into pieces for up to {@code lanes} lanes that run at once, with at most
     * {@code most} rows in the pieces running at once: every lane gets a piece where the rows allow, the pieces come
     * in rounds of one per lane, and all are about the same size. 68 rows at most 300 on two lanes run as 34 + 34;
     * 3,400 rows as 24 pieces of 142 or fewer; at most 1 row, one row at a time on one lane.
     */
    static Split split(long n, int most, int lanes) {
        int concurrent = (int) Math.max(1, Math.min(lanes, Math.min(most, n)));
        int perPiece = Math.max(1, most / concurrent);
        long pieces = (n + perPiece - 1) / perPiece;
        if (concurrent > 1) {
            pieces = Math.min(n, (Math.max(pieces, concurrent) + concurrent - 1) / concurrent * concurrent);
        }
        long chunk = Math.max(1, (n + pieces - 1) / pieces);
        long[] bounds = new long[(int) ((n + chunk - 1) / chunk) + 1];
        for (int i = 1; i < bounds.length; i++) {
            bounds[i] = Math.min(n, bounds[i - 1] + chunk);
        }
        return new Split(bounds, concurrent);
    }

    /** Each piece's result, in order: the rows (and their targets, where given) split as {@link #split} says. */
    static <T> List<T> run(INDArray x, int[] targets, int most, EngineLanes lanes, Piece<T> pass) {
        long n = x.size(0);
        if (targets != null && targets.length != n) {
            throw new IllegalArgumentException(targets.length + " targets for a batch of " + n);
        }
        Split split = split(n, most, lanes.count());
        long[] bounds = split.bounds();
        // the views are made here, on the caller's thread; the lanes only read them
        List<INDArray> parts = new ArrayList<>(split.pieces());
        for (int i = 0; i < split.pieces(); i++) {
            parts.add(rows(x, bounds[i], bounds[i + 1]));
        }
        return lanes.run(split.pieces(), split.lanes(), (passes, i) -> pass.apply(passes, parts.get(i),
                targets == null ? null : Arrays.copyOfRange(targets, (int) bounds[i], (int) bounds[i + 1])));
    }

    /** A pass whose result has one row per input row. */
    static INDArray map(INDArray x, int most, EngineLanes lanes, BiFunction<GraphPasses, INDArray, INDArray> pass) {
        return concat(run(x, null, most, lanes, (p, rows, t) -> pass.apply(p, rows)));
    }

    /** A pass with one target per row, whose every non-null result has one row per input row. */
    static TargetGradient gradients(INDArray x, int[] targets, int most, EngineLanes lanes,
                                    Piece<TargetGradient> pass) {
        List<TargetGradient> parts = run(x, targets, most, lanes, pass);
        return parts.size() == 1 ? parts.get(0)
                : new TargetGradient(concat(parts.stream().map(TargetGradient::logits).toList()),
                        concat(parts.stream().map(TargetGradient::input).toList()),
                        concat(parts.stream().map(TargetGradient::activations).toList()),
                        concat(parts.stream().map(TargetGradient::layerGradient).toList()));
    }

    /** A pass with one target per row whose result has one row per input row. */
    static INDArray mapWithTargets(INDArray x, int[] targets, int most, EngineLanes lanes, Piece<INDArray> pass) {
        return concat(run(x, targets, most, lanes, pass));
    }

    /** A pass that gives several arrays by name, each with one row per input row. */
    static Map<String, INDArray> named(INDArray x, int most, EngineLanes lanes,
                                       BiFunction<GraphPasses, INDArray, Map<String, INDArray>> pass) {
        List<Map<String, INDArray>> results = run(x, null, most, lanes, (p, rows, t) -> pass.apply(p, rows));
        if (results.size() == 1) {
            return results.get(0);
        }
        Map<String, List<INDArray>> parts = new LinkedHashMap<>();
        for (Map<String, INDArray> result : results) {
            result.forEach((k, v) -> parts.computeIfAbsent(k, key -> new ArrayList<>()).add(v));
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        parts.forEach((k, v) -> out.put(k, concat(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Passes over consecutive rows joined into one: every array joined along the rows. */
    static Differentiation differentiations(List<Differentiation> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Differentiation first = parts.get(0);
        Map<String, INDArray> activations = new LinkedHashMap<>();
        first.activations().keySet().forEach(k -> activations.put(k,
                concat(parts.stream().map(d -> d.activations().get(k)).toList())));
        Map<String, INDArray> layers = new LinkedHashMap<>();
        first.gradients().layers().keySet().forEach(k -> layers.put(k,
                concat(parts.stream().map(d -> d.gradients().layers().get(k)).toList())));
        return new Differentiation(concat(parts.stream().map(Differentiation::logits).toList()),
                java.util.Collections.unmodifiableMap(activations), new Gradients(
                        concat(parts.stream().map(d -> d.gradients().input()).toList()),
                        java.util.Collections.unmodifiableMap(layers)));
    }

    /** Joins parts along the rows; null where the parts are null. */
    static INDArray concat(List<INDArray> parts) {
        if (parts.isEmpty() || parts.get(0) == null) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        // one array and a copy of each part into its rows: Nd4j.concat took 0.5-2.6 ms for two parts of 34 x 32 x 32
        // x 3 values, this about 0.05 ms beside the allocation
        long rows = 0;
        for (INDArray p : parts) {
            rows += p.size(0);
        }
        long[] shape = parts.get(0).shape().clone();
        shape[0] = rows;
        INDArray out = Nd4j.createUninitialized(parts.get(0).dataType(), shape, 'c');
        long from = 0;
        for (INDArray p : parts) {
            rows(out, from, from + p.size(0)).assign(p);
            from += p.size(0);
        }
        return out;
    }
}
