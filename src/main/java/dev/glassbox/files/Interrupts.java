package dev.glassbox.files;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happens when the user presses Ctrl-C (or the process is asked to stop): every piece of work in progress
 * removes what it had half written, and says in one line what that means for the user's files. A JVM has one
 * shutdown sequence, so this registry is process-wide; work registers a guard while it runs and closes it when done.
 */
public final class Interrupts {

    /** Cleans up after interrupted work. */
    @FunctionalInterface
    public interface Guard {
        /**
         * Removes what the work had half written.
         *
         * @return the line to tell the user (without "glassbox: "), or null to say nothing
         */
        String interrupted();
    }

    /** A registered guard; closing it means the work finished (or cleaned up after itself) and needs no guard. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final List<Guard> GUARDS = new CopyOnWriteArrayList<>();
    private static boolean hooked;
    private static volatile boolean interrupting;

    private Interrupts() {}

    /** Guards work until the returned registration is closed. */
    public static Registration guard(Guard guard) {
        synchronized (Interrupts.class) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    interrupting = !GUARDS.isEmpty();
                    runGuards(System.err);
                }, "glassbox-interrupt"));
                hooked = true;
            }
        }
        GUARDS.add(guard);
        return () -> GUARDS.remove(guard);
    }

    /** Whether the process is shutting down with work in progress (errors from that work are its echo). */
    public static boolean isInterrupting() {
        return interrupting;
    }

    /** Runs the registered guards, newest first, and prints their lines; what the shutdown hook does. */
    static void runGuards(PrintStream err) {
        List<Guard> guards = new ArrayList<>(GUARDS);
        if (guards.isEmpty()) {
            return;
        }

        List<String> lines = new ArrayList<>();
        for (int i = guards.size() - 1; i >= 0; i--) {
            try {
                String line = guards.get(i).interrupted();
                if (line != null) {
                    lines.add(line);
                }
            } catch (RuntimeException e) {
                lines.add("interrupted; could not clean up: " + e.getMessage());
            }
            GUARDS.remove(guards.get(i));
        }
        if (!lines.isEmpty()) {
            // a progress bar may own the current terminal line
            err.println();
            lines.forEach(l -> err.println("glassbox: " + l));
            err.flush();
        }
    }
}
