package dev.glassbox.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A batch split into chunks of rows, each run through one pass, the results joined: how the engine keeps a pass
 * within its {@link MemoryBudget} whatever the batch a caller gives it.
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

    /** A pass whose result has one row per input row. */
    static INDArray map(INDArray x, int most, Function<INDArray, INDArray> pass) {
        long n = x.size(0);
        int chunk = balanced(n, most);
        if (n <= chunk) {
            return pass.apply(x);
        }
        List<INDArray> parts = new ArrayList<>();
        for (long from = 0; from < n; from += chunk) {
            parts.add(pass.apply(rows(x, from, Math.min(n, from + chunk))));
        }
        return concat(parts);
    }

    /** A pass with one target per row, whose every non-null result has one row per input row. */
    static TargetGradient gradients(INDArray x, int[] targets, int most,
                                    BiFunction<INDArray, int[], TargetGradient> pass) {
        List<TargetGradient> parts = withTargets(x, targets, most, pass);
        return parts.size() == 1 ? parts.get(0)
                : new TargetGradient(concat(parts.stream().map(TargetGradient::logits).toList()),
                        concat(parts.stream().map(TargetGradient::input).toList()),
                        concat(parts.stream().map(TargetGradient::activations).toList()),
                        concat(parts.stream().map(TargetGradient::layerGradient).toList()));
    }

    /** A pass with one target per row whose result has one row per input row. */
    static INDArray mapWithTargets(INDArray x, int[] targets, int most, BiFunction<INDArray, int[], INDArray> pass) {
        return concat(withTargets(x, targets, most, pass));
    }

    /** Each chunk's result, in order: the rows and their targets split as {@link #balanced} says. */
    private static <T> List<T> withTargets(INDArray x, int[] targets, int most, BiFunction<INDArray, int[], T> pass) {
        long n = x.size(0);
        int chunk = balanced(n, most);
        if (n <= chunk) {
            return List.of(pass.apply(x, targets));
        }
        List<T> parts = new ArrayList<>();
        for (long from = 0; from < n; from += chunk) {
            long to = Math.min(n, from + chunk);
            parts.add(pass.apply(rows(x, from, to), Arrays.copyOfRange(targets, (int) from, (int) to)));
        }
        return parts;
    }

    /** A pass that gives several arrays by name, each with one row per input row. */
    static Map<String, INDArray> named(INDArray x, int most, Function<INDArray, Map<String, INDArray>> pass) {
        long n = x.size(0);
        int chunk = balanced(n, most);
        if (n <= chunk) {
            return pass.apply(x);
        }
        Map<String, List<INDArray>> parts = new LinkedHashMap<>();
        for (long from = 0; from < n; from += chunk) {
            pass.apply(rows(x, from, Math.min(n, from + chunk)))
                    .forEach((k, v) -> parts.computeIfAbsent(k, key -> new ArrayList<>()).add(v));
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        parts.forEach((k, v) -> out.put(k, concat(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Joins parts along the rows; null where the parts are null. */
    static INDArray concat(List<INDArray> parts) {
        if (parts.isEmpty() || parts.get(0) == null) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }
}
