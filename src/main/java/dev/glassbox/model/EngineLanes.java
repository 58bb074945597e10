package dev.glassbox.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The engine's passes over a batch's rows on several threads at once, each thread (a lane) with its own copy of the
 * passes over the same parameters, its own workspaces, and a share of the machine's cores for ND4J's and oneDNN's
 * OpenMP threads. Rows are independent in every pass the lanes run, so the results are those of one pass.
 *
 * <p>Why: one pass spread over both cores of a 2-core machine spends much of its time handing small operations to the
 * second thread and waiting for it (a sleeping OpenMP thread takes tens of microseconds to wake, hundreds of times a
 * pass). Two lanes of one thread each never wait for each other: on 2 cores they were 7-22% faster for every
 * method on both CIFAR models (BENCHMARKS.md, "Lanes"). Larger machines get at most {@link #MOST} lanes, the cores
 * shared among them; that split is a guess, measured on 2 cores only.
 *
 * <p>The lanes' threads are shared by every engine in the process (ND4J's workspaces belong to threads, so their
 * memory is reused by whichever engine runs next); each engine makes its copies of the passes on first use. The
 * copies' memory is outside the {@link MemoryBudget} a pass keeps to, so an engine uses fewer lanes where they would
 * take more than half of it ({@link #affordable}).
 * {@code -Dglassbox.lanes=1} runs everything on the caller's thread, as before.
 */
final class EngineLanes {

    /** The most lanes on any machine. */
    static final int MOST = 4;
    /** Lanes in this process: one per core up to {@link #MOST}, or {@code -Dglassbox.lanes}. */
    static final int COUNT = count(Runtime.getRuntime().availableProcessors(), System.getProperty("glassbox.lanes"));

    /**
     * A lane's copy of the passes shares the parameters but holds about this many times their memory of its own: a
     * gradient view, kernels laid out for the passes, convolutions folded into their batch normalizations.
     */
    static final int COPY_FACTOR = 4;

    /** This thread's lane, or -1 on any other thread. */
    private static final ThreadLocal<Integer> LANE = ThreadLocal.withInitial(() -> -1);
    private static volatile ExecutorService[] threads;

    private final GraphPasses main;
    private final Supplier<GraphPasses> copy;
    private final int most;
    private final GraphPasses[] copies = new GraphPasses[COUNT];

    /**
     * @param main the engine's own passes, which the caller's thread runs
     * @param copy makes a lane's copy of the passes, over the same parameters
     * @param most the most lanes this engine's passes run on, at most {@link #COUNT} (see {@link #affordable})
     */
    EngineLanes(GraphPasses main, Supplier<GraphPasses> copy, int most) {
        this.main = main;
        this.copy = copy;
        this.most = Math.max(1, Math.min(COUNT, most));
    }

    /**
     * The lanes a model can have whose copies of the passes ({@link #COPY_FACTOR} times the parameters' memory each)
     * take no more than half the memory budget, which does not count them: every lane on a small network such as
     * the ResNet-20 (1.1 MB of parameters), one lane (no copies) where the parameters are large.
     *
     * @param parameterBytes the model's parameters' memory in the engine's precision
     */
    static int affordable(int lanes, long parameterBytes, MemoryBudget budget) {
        for (int k = lanes; k > 1; k--) {
            if ((double) k * COPY_FACTOR * parameterBytes <= budget.bytes() / 2.0) {
                return k;
            }
        }
        return 1;
    }

    static int count(int cores, String property) {
        if (property != null && !property.isBlank()) {
            try {
                return Math.max(1, Math.min(64, Integer.parseInt(property.trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Dglassbox.lanes=" + property + " is not a number of lanes");
            }
        }
        return Math.max(1, Math.min(MOST, cores));
    }

    /** Lanes that may run at once: this engine's most (1 on a lane's own thread, which must not wait on a lane). */
    int count() {
        return LANE.get() >= 0 ? 1 : most;
    }

    /**
     * Runs {@code pieces} tasks, piece {@code i} on lane {@code i % lanes} with that lane's passes, and gives their
     * results in order. One piece, or one lane, runs on the caller's thread with the engine's own passes; on a lane's
     * thread (a task that runs the engine again) every piece runs in place with that lane's copy, so that lanes
     * running nested passes at once never share one set of passes.
     *
     * @param lanes how many lanes may run at once, at most {@link #count()}
     */
    <T> List<T> run(int pieces, int lanes, BiFunction<GraphPasses, Integer, T> task) {
        if (lanes < 1 || lanes > count()) {
            lanes = count();
        }
        List<T> results = new ArrayList<>(pieces);
        int here = LANE.get();
        if (here >= 0 || pieces == 1 || lanes == 1) {
            GraphPasses passes = here >= 0 ? passesOf(here) : main;
            for (int i = 0; i < pieces; i++) {
                results.add(task.apply(passes, i));
            }
            return results;
        }
        ExecutorService[] pool = threads();
        List<Future<T>> futures = new ArrayList<>(pieces);
        for (int i = 0; i < pieces; i++) {
            int piece = i;
            int lane = i % lanes;
            futures.add(pool[lane].submit(() -> task.apply(passesOf(lane), piece)));
        }
        try {
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the engine's lanes ran", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Destroys this thread's workspaces and every lane's, waiting for the lanes; on a lane's own thread only that
     * lane's (it must not wait on the others, which may be waiting on it).
     */
    static void releaseWorkspaces() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        ExecutorService[] pool = threads;
        if (pool == null || LANE.get() >= 0) {
            return;
        }
        List<Future<?>> done = new ArrayList<>();
        for (ExecutorService lane : pool) {
            done.add(lane.submit(() -> Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread()));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A lane's copy of the passes, made on the lane's thread the first time it runs for this engine. */
    private GraphPasses passesOf(int lane) {
        if (copies[lane] == null) {
            copies[lane] = copy.get();
        }
        return copies[lane];
    }

    private static ExecutorService[] threads() {
        ExecutorService[] pool = threads;
        if (pool == null) {
            synchronized (EngineLanes.class) {
                if (threads == null) {
                    int cores = Runtime.getRuntime().availableProcessors();
                    int each = Math.max(1, cores / COUNT);
                    ExecutorService[] made = new ExecutorService[COUNT];
                    for (int i = 0; i < COUNT; i++) {
                        String name = "glassbox-lane-" + i;
                        int lane = i;
                        made[i] = Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(() -> {
                                LANE.set(lane);
                                // OpenMP's thread count is the calling thread's own setting: this lane's share
                                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(each);
                                r.run();
                            }, name);
                            t.setDaemon(true);
                            return t;
                        });
                    }
                    threads = made;
                }
                pool = threads;
            }
        }
        return pool;
    }
}
