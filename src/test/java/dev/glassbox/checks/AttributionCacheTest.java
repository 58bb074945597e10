package dev.glassbox.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.glassbox.attribution.Attribution;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.testing.TinyNets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class AttributionCacheTest {

    private final GradientEngine engine = GradientEngine.create(
            TinyNets.loaded(TinyNets.convNet(DataType.FLOAT), TinyNets.convNetInput()));
    private final INDArray pictures = Nd4j.rand(DataType.FLOAT, 10, 2, 8, 8);

    private Function<int[], INDArray> input(int[] indices) {
        return positions -> Nd4j.concat(0, Arrays.stream(positions)
                .mapToObj(p -> pictures.get(NDArrayIndex.interval(indices[p], indices[p] + 1))).toArray(INDArray[]::new));
    }

    @Test
    void eachPictureMethodAndTargetIsComputedOnceAndGivesWhatTheMethodGives() {
        AttributionCache cache = new AttributionCache(engine, 3);
        MethodSpec ig = new MethodSpec("integrated-gradients", Map.of("steps", "8"));
        int[] first = {0, 2, 4, 6};
        int[] targets = {1, 1, 2, 3};
        Attribution a = cache.attribute(ig, "d", first, targets, input(first));
        assertEquals(4, cache.computed());
        Attribution direct = ig.create(engine).attribute(input(first).apply(new int[] {0, 1, 2, 3}), targets);
        assertArrayEquals(direct.maps().reshape(-1).toFloatVector(), a.maps().reshape(-1).toFloatVector(), 1e-6f);
        assertNotNull(a.convergenceDelta(), "integrated gradients' deltas are kept");
        assertArrayEquals(direct.convergenceDelta(), a.convergenceDelta(), 1e-5);

        int[] second = {6, 7, 2};
        Attribution b = cache.attribute(ig, "d", second, new int[] {3, 0, 1}, input(second));
        assertEquals(5, cache.computed(), "only picture 7 is new");
        assertEquals(2, cache.reused());
        assertArrayEquals(a.maps().get(NDArrayIndex.point(3)).reshape(-1).toFloatVector(),
                b.maps().get(NDArrayIndex.point(0)).reshape(-1).toFloatVector());

        cache.attribute(ig, "d", new int[] {6}, new int[] {2}, input(new int[] {6}));
        cache.attribute(new MethodSpec("integrated-gradients", Map.of("steps", "9")), "d", new int[] {6},
                new int[] {3}, input(new int[] {6}));
        cache.attribute(ig, "other data", new int[] {6}, new int[] {3}, input(new int[] {6}));
        assertEquals(8, cache.computed(), "another target, other settings and another data set are other maps");
    }
}
