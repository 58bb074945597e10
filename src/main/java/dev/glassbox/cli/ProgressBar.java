package dev.glassbox.cli;

import dev.glassbox.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress bar on the terminal (stderr). Where stderr is not a terminal (CI logs, tests) it prints a
 * line when a task starts and when it ends, so logs stay short.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 28;

    private final PrintWriter err;
    private final boolean terminal;
    private String current;
    private long lastDraw;

    ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ProgressBar onStderr(PrintWriter err) {
        return new ProgressBar(err, System.console() != null && System.getenv("CI") == null);
    }

    @Override
    public synchronized void update(String what, long done, long total) {
        boolean started = !what.equals(current);
        current = what;
        boolean finished = done >= total;
        if (!terminal) {
            if (started || finished) {
                err.println(what + (finished ? ": done" : " ..."));
                err.flush();
            }
            return;
        }
        long now = System.nanoTime();
        if (!started && !finished && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = total <= 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        err.print("\r" + what + " [" + bar + "] " + done + "/" + total + "   ");
        if (finished) {
            err.println();
        }
        err.flush();
    }
}
