package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.testing.TinyNets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The engine's lanes: how a batch is split among them, and that what they give is what one pass gives. */
class EngineLanesTest {

    @Test
    void aBatchSplitsIntoOnePiecePerLaneWithinTheRowsAllowedAtOnce() {
        assertArrayEquals(new long[] {0, 34, 68}, Chunks.split(68, 300, 2).bounds());
        assertArrayEquals(new long[] {0, 68}, Chunks.split(68, 300, 1).bounds(), "one lane: one pass, as before lanes");
        assertArrayEquals(new long[] {0, 234, 468, 700}, Chunks.split(700, 300, 1).bounds(), "not 300+300+100");
        assertArrayEquals(new long[] {0, 1}, Chunks.split(1, 300, 4).bounds(), "one row stays one piece");
        Chunks.Split tight = Chunks.split(5, 1, 2);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, tight.bounds());
        assertEquals(1, tight.lanes(), "a budget of one row runs one row at a time");
        Chunks.Split ig = Chunks.split(3400, 300, 2); // 68 pictures × 50 integrated-gradients steps
        assertEquals(24, ig.pieces(), "rounds of one piece per lane");
        assertEquals(2, ig.lanes());
        for (int lanes = 1; lanes <= 4; lanes++) {
            for (int most : new int[] {1, 2, 3, 7, 64, 300}) {
                for (long n : new long[] {1, 2, 3, 5, 68, 1001}) {
                    Chunks.Split split = Chunks.split(n, most, lanes);
                    long[] b = split.bounds();
                    String what = n + " rows, " + most + " at most, " + lanes + " lanes: "
                            + java.util.Arrays.toString(b) + " on " + split.lanes();
                    assertEquals(0, b[0], what);
                    assertEquals(n, b[b.length - 1], what);
                    long largest = 0;
                    for (int i = 1; i < b.length; i++) {
                        assertTrue(b[i] > b[i - 1], "no empty piece: " + what);
                        largest = Math.max(largest, b[i] - b[i - 1]);
                    }
                    assertTrue(split.lanes() >= 1 && split.lanes() <= lanes, what);
                    assertTrue(largest * Math.min(split.lanes(), split.pieces()) <= most, what);
                    if (n >= lanes && most >= lanes) {
                        assertEquals(lanes, split.lanes(), "every lane works where rows and budget allow: " + what);
                    }
                }
            }
        }
    }

    @Test
    void piecesRunOnTheLanesInOrderAndEachLaneMakesItsCopyOnce() {
        GraphPasses main = passes();
        AtomicInteger copies = new AtomicInteger();
        EngineLanes lanes = new EngineLanes(main, () -> {
            copies.incrementAndGet();
            return passes();
        }, EngineLanes.COUNT);
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        Set<GraphPasses> used = Collections.synchronizedSet(new HashSet<>());
        for (int round = 0; round < 3; round++) {
            List<Integer> got = lanes.run(7, EngineLanes.COUNT, (p, i) -> {
                threads.add(Thread.currentThread().getName());
                used.add(p);
                return i;
            });
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), got);
        }
        int expected = Math.min(7, EngineLanes.COUNT);
        if (EngineLanes.COUNT > 1) {
            assertEquals(expected, copies.get(), "one copy per lane, made once");
            assertEquals(expected, threads.size(), threads.toString());
            assertTrue(threads.stream().allMatch(t -> t.startsWith("glassbox-lane-")), threads.toString());
            assertTrue(!used.contains(main), "the lanes run their own copies");
        }
        List<String> one = new ArrayList<>();
        lanes.run(1, EngineLanes.COUNT, (p, i) -> one.add(Thread.currentThread().getName() + (p == main)));
        assertEquals(List.of(Thread.currentThread().getName() + true), one, "one piece runs on the caller's thread");
    }

    @Test
    void aLaneThatRunsTheEngineAgainRunsItInPlaceWithItsOwnCopy() {
        GraphPasses main = passes();
        EngineLanes lanes = new EngineLanes(main, EngineLanesTest::passes, EngineLanes.COUNT);
        int n = EngineLanes.COUNT;
        List<List<String>> nested = lanes.run(n, n, (p, i) -> lanes.run(3, n, (q, j) -> Thread.currentThread()
                .getName() + (q == p) + (q == main)));
        for (List<String> inner : nested) {
            assertEquals(3, inner.size(), "no lane waits on itself");
            String lane = inner.get(0).replaceAll("(true|false)+$", "");
            boolean onALane = EngineLanes.COUNT > 1;
            // on a lane: the lane's own copy, never the engine's main passes (several lanes at once would share them)
            assertEquals(Collections.nCopies(3, lane + true + !onALane), inner);
        }
        if (EngineLanes.COUNT > 1) {
            // lanes that nest at once, each running a real pass with its copy: the same numbers as one pass
            LoadedModel model = TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput());
            GradientEngine engine = GradientEngine.create(model, DataType.DOUBLE);
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 3, 6, 6);
            int[] targets = {0, 1, 2, 0, 1, 2, 0, 1};
            INDArray expected = engine.inputGradient(x, targets, BackwardRule.NONE);
            List<INDArray> again = lanes.run(n, n, (p, i) -> engine.inputGradient(x, targets, BackwardRule.NONE));
            again.forEach(g -> assertTrue(g.equalsWithEps(expected, 1e-12)));
        }
    }

    @Test
    void aLaneThatReleasesMemoryReleasesItsOwnAndDoesNotWaitOnTheOthers() {
        EngineLanes lanes = new EngineLanes(passes(), EngineLanesTest::passes, EngineLanes.COUNT);
        int n = EngineLanes.COUNT;
        List<Integer> left = lanes.run(n, n, (p, i) -> {
            useAWorkspace();
            GradientEngine.releaseMemory();
            return workspacesOfThisThread();
        });
        assertEquals(Collections.nCopies(n, 0), left);
    }

    @Test
    void anEngineTakesNoMoreLanesThanItsCopiesAfford() {
        MemoryBudget budget = new MemoryBudget(512L << 20);
        assertEquals(4, EngineLanes.affordable(4, 274_442L * 4, budget), "the ResNet-20: 1.1 MB of parameters");
        assertEquals(2, EngineLanes.affordable(4, 24L << 20, budget), "2 × 4 × 24 MiB = 192 MiB; 3 lanes: 288 MiB");
        assertEquals(1, EngineLanes.affordable(4, 38L << 20, budget), "no copies at all where two would not fit");
        assertEquals(1, EngineLanes.affordable(1, 1, budget), "never more than asked");
        GraphPasses main = passes();
        EngineLanes one = new EngineLanes(main, () -> {
            throw new AssertionError("an engine held to one lane makes no copy");
        }, 1);
        assertEquals(1, one.count());
        List<Boolean> onMain = one.run(5, EngineLanes.COUNT, (p, i) -> p == main);
        assertEquals(Collections.nCopies(5, true), onMain);
    }

    @Test
    void releasingMemoryEmptiesTheWorkspacesOfEveryLane() {
        EngineLanes lanes = new EngineLanes(passes(), EngineLanesTest::passes, EngineLanes.COUNT);
        int n = EngineLanes.COUNT;
        List<Integer> before = lanes.run(n, n, (p, i) -> {
            useAWorkspace();
            return workspacesOfThisThread();
        });
        assertTrue(before.stream().allMatch(k -> k > 0), before.toString());
        GradientEngine.releaseMemory();
        List<Integer> after = lanes.run(n, n, (p, i) -> Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()
                .size());
        assertEquals(Collections.nCopies(n, 0), after);
        assertEquals(0, workspacesOfThisThread(), "and this thread's");
    }

    @Test
    void whatTheLanesGiveIsWhatOnePassGives() {
        LoadedModel model = TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput());
        GradientEngine engine = GradientEngine.create(model, DataType.DOUBLE);
        int n = 9;
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, 3, 6, 6);
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = (i * 2) % engine.classes();
        }
        // differentiate runs the whole batch as one pass on this thread
        List<String> layers = List.of("act1", "act2");
        Differentiation one = engine.differentiate(x, null, logits -> engine.targetEpsilon(targets, n),
                BackwardRule.NONE, layers, layers);
        TargetGradient laned = engine.layerGradient(x, targets, "act1");
        assertTrue(laned.logits().equalsWithEps(one.logits(), 1e-12));
        assertTrue(laned.input().equalsWithEps(one.gradients().input(), 1e-12));
        assertTrue(laned.activations().equalsWithEps(one.activations().get("act1"), 1e-12));
        assertTrue(laned.layerGradient().equalsWithEps(one.gradients().layer("act1"), 1e-12));
        assertTrue(engine.inputGradient(x, targets, BackwardRule.NONE).equalsWithEps(one.gradients().input(), 1e-12));
        assertTrue(engine.logits(x).equalsWithEps(engine.logitsWithReplaced(x, Map.of()), 1e-12));
        assertTrue(engine.activations(x, "act1").equalsWithEps(one.activations().get("act1"), 1e-12));
        Differentiation layered = engine.layerGradientsOnly(x, targets, layers);
        for (String layer : layers) {
            assertTrue(layered.activations().get(layer).equalsWithEps(one.activations().get(layer), 1e-12), layer);
            assertTrue(layered.gradients().layer(layer).equalsWithEps(one.gradients().layer(layer), 1e-12), layer);
        }
        assertEquals(null, layered.gradients().input(), "the backward pass stops at the earliest layer");
    }

    @Test
    void anErrorOnALaneReachesTheCallerAsItWas() {
        LoadedModel model = TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput());
        GradientEngine engine = GradientEngine.create(model, DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 3, 6, 6);
        GlassboxException e = assertThrows(GlassboxException.class,
                () -> engine.inputGradient(x, new int[] {0, 1, 2, 0, 1, 99}));
        assertTrue(e.getMessage().contains("target class 99 is out of range"), e.getMessage());
    }

    @Test
    void theLaneCountComesFromTheCoresOrTheProperty() {
        assertEquals(1, EngineLanes.count(1, null));
        assertEquals(2, EngineLanes.count(2, null));
        assertEquals(EngineLanes.MOST, EngineLanes.count(64, ""));
        assertEquals(1, EngineLanes.count(16, "1"));
        assertEquals(3, EngineLanes.count(2, " 3 "));
        assertThrows(IllegalArgumentException.class, () -> EngineLanes.count(2, "two"));
    }

    /** Leaves this thread's forward workspace holding memory for the next pass. */
    private static void useAWorkspace() {
        try (var ws = EngineWorkspaces.openForward()) {
            Nd4j.zeros(DataType.DOUBLE, 1000);
        }
    }

    private static int workspacesOfThisThread() {
        return Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().size();
    }

    private static GraphPasses passes() {
        return new GraphPasses(GraphCopy.of(TinyNets.residualNet(DataType.DOUBLE), DataType.DOUBLE).graph(),
                TinyNets.residualNetInput(), DataType.DOUBLE);
    }
}
