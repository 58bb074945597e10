package dev.glassbox.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Holds ND4J's OpenMP loops and OpenBLAS to a number of threads while open, and restores the previous settings on
 * close. Training runs single-threaded: the sums then come out in the same order every run (repeatable models), and
 * on a machine whose cores are busy with other work one thread is several times faster than two (OpenMP and OpenBLAS
 * threads spin at their barriers waiting for a core).
 */
public final class CpuThreads implements AutoCloseable {

    private final int envThreads;
    private final int envMasterThreads;
    private final int ompThreads;
    private final int blasThreads;

    private CpuThreads(int threads) {
        var env = Nd4j.getEnvironment();
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        var blas = Nd4j.factory().blas();
        envThreads = env.maxThreads();
        envMasterThreads = env.maxMasterThreads();
        ompThreads = ops.ompGetMaxThreads();
        blasThreads = blas.getMaxThreads();
        set(threads, threads, threads, threads);
    }

    /** Limits the threads until {@link #close}. */
    public static CpuThreads limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        return new CpuThreads(threads);
    }

    @Override
    public void close() {
        set(envThreads, envMasterThreads, ompThreads, blasThreads);
    }

    private static void set(int env, int master, int omp, int blas) {
        Nd4j.getEnvironment().setMaxThreads(env);
        Nd4j.getEnvironment().setMaxMasterThreads(master);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp);
        Nd4j.factory().blas().setMaxThreads(blas);
    }
}
