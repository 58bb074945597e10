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
 * memory is reused by whichever engine runs next); each engine makes its copies of the passes on first use.
 * {@code -Dglassbox.lanes=1} runs everything on the caller's thread, as before.
 */
final class EngineLanes {

    /** The most lanes on any machine. */
    static final int MOST = 4;
    /** Lanes in this process: one per core up to {@link #MOST}, or {@code -Dglassbox.lanes}. */
    static final int COUNT = count(Runtime.getRuntime().availableProcessors(), System.getProperty("glassbox.lanes"));

    private static final ThreadLocal<Boolean> ON_A_LANE = ThreadLocal.withInitial(() -> false);
    private static volatile ExecutorService[] threads;

    private final GraphPasses main;
    private final Supplier<GraphPasses> copy;
    private final GraphPasses[] copies = new GraphPasses[COUNT];

    /**
     * @param main the engine's own passes, which the caller's thread runs
     * @param copy makes a lane's copy of the passes, over the same parameters
     */
    EngineLanes(GraphPasses main, Supplier<GraphPasses> copy) {
        this.main = main;
        this.copy = copy;
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

    /** Lanes that may run at once: {@link #COUNT} (1 on a lane's own thread, which must not wait on a lane). */
    int count() {
        return ON_A_LANE.get() ? 1 : COUNT;
    }

    /**
     * Runs {@code pieces} tasks, piece {@code i} on lane {@code i % lanes} with that lane's passes, and gives their
     * results in order. One piece, or one lane, runs on the caller's thread with the engine's own passes.
     *
     * @param lanes how many lanes may run at once, at most {@link #count()}
     */
    <T> List<T> run(int pieces, int lanes, BiFunction<GraphPasses, Integer, T> task) {
        if (lanes < 1 || lanes > count()) {
            lanes = count();
        }
        List<T> results = new ArrayList<>(pieces);
        if (pieces == 1 || lanes == 1) {
            for (int i = 0; i < pieces; i++) {
                results.add(task.apply(main, i));
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

    /** Destroys this thread's workspaces and every lane's, waiting for the lanes. */
    static void releaseWorkspaces() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        ExecutorService[] pool = threads;
        if (pool == null) {
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
                        made[i] = Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(() -> {
                                ON_A_LANE.set(true);
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
