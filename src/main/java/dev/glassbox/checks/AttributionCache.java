package dev.glassbox.checks;

import dev.glassbox.attribution.Attribution;
import dev.glassbox.model.GradientEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The attribution maps of one model, each computed once per (data set, picture, method with its settings, target
 * class) and shared by the gallery and every check that explains the same picture: the checks draw their pictures
 * from one seeded order per data set ({@link CheckContext#sampleSeed}), so a check that takes 4 pictures per class
 * takes 4 of the 12 another one took.
 *
 * <p>Maps are held as floats up to {@link #CAPACITY} values; beyond that, new maps are computed and not kept.
 */
public final class AttributionCache {

    /** 256 MB of maps: the gallery and check samples of a default report take a few MB. */
    static final long CAPACITY = 64L << 20;

    private record Key(String dataset, int picture, MethodSpec method, int target) {}

    private record Entry(float[] map, long[] shape, double delta) {}

    private final GradientEngine engine;
    private final int batchSize;
    private final Map<Key, Entry> entries = new HashMap<>();
    private long held;
    private long computed;
    private long reused;

    /**
     * @param engine    the model's engine (maps of other engines, such as the sanity check's randomized copies, are
     *                  not kept here)
     * @param batchSize pictures per call to a method
     */
    public AttributionCache(GradientEngine engine, int batchSize) {
        this.engine = engine;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * The maps (and convergence deltas, where the method has them) of pictures of a data set, in float: those not yet
     * computed are computed in batches.
     *
     * @param pictures the pictures' indices in the data set (their identity)
     * @param targets  the class each picture's map explains
     * @param input    makes the model input for the pictures at the given positions of {@code pictures}
     */
    public Attribution attribute(MethodSpec method, String dataset, int[] pictures, int[] targets,
                                 Function<int[], INDArray> input) {
        if (pictures.length != targets.length) {
            throw new IllegalArgumentException(pictures.length + " pictures, " + targets.length + " targets");
        }
        Entry[] found = new Entry[pictures.length];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pictures.length; i++) {
            found[i] = entries.get(new Key(dataset, pictures[i], method, targets[i]));
            if (found[i] == null) {
                missing.add(i);
            }
        }
        reused += pictures.length - missing.size();
        if (!missing.isEmpty()) {
            var m = method.create(engine);
            for (int from = 0; from < missing.size(); from += batchSize) {
                int[] positions = missing.subList(from, Math.min(missing.size(), from + batchSize)).stream()
                        .mapToInt(Integer::intValue).toArray();
                int[] t = Arrays.stream(positions).map(p -> targets[p]).toArray();
                Attribution a = m.attribute(input.apply(positions), t);
                INDArray maps = a.maps().castTo(DataType.FLOAT);
                long[] shape = Arrays.copyOfRange(maps.shape(), 1, maps.rank());
                for (int k = 0; k < positions.length; k++) {
                    int p = positions[k];
                    float[] map = maps.get(NDArrayIndex.point(k)).dup('c').reshape(-1).toFloatVector();
                    found[p] = new Entry(map, shape, a.convergenceDelta() == null ? Double.NaN
                            : a.convergenceDelta()[k]);
                    if (held + map.length <= CAPACITY) {
                        entries.put(new Key(dataset, pictures[p], method, targets[p]), found[p]);
                        held += map.length;
                    }
                }
                computed += positions.length;
            }
        }
        return join(found);
    }

    private static Attribution join(Entry[] found) {
        long[] shape = new long[found[0].shape().length + 1];
        shape[0] = found.length;
        System.arraycopy(found[0].shape(), 0, shape, 1, found[0].shape().length);
        int size = found[0].map().length;
        float[] all = new float[found.length * size];
        double[] deltas = new double[found.length];
        boolean hasDeltas = true;
        for (int i = 0; i < found.length; i++) {
            System.arraycopy(found[i].map(), 0, all, i * size, size);
            deltas[i] = found[i].delta();
            hasDeltas &= !Double.isNaN(deltas[i]);
        }
        return new Attribution(Nd4j.create(all, shape, 'c'), hasDeltas ? deltas : null);
    }

    /** Maps computed so far. */
    public long computed() {
        return computed;
    }

    /** Maps asked for that were already computed. */
    public long reused() {
        return reused;
    }
}
