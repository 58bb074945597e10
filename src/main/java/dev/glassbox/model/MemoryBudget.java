package dev.glassbox.model;

import dev.glassbox.GlassboxException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much memory one pass of the gradient engine may take: its activations, gradients and scratch. The engine
 * turns it into a number of rows per pass from the model's layer shapes ({@link PassSizes}), so a pass over 50
 * integrated-gradients steps of 68 pictures runs in as many chunks as the budget needs, whatever the batch a caller
 * hands it.
 *
 * @param bytes the most a pass may take, in bytes
 */
public record MemoryBudget(long bytes) {

    /** Below this a pass cannot hold even one row of a small model. */
    public static final long MINIMUM = 16L << 20;

    /**
     * The default's ceiling: room for the 68 CIFAR pictures in one gradient pass of the ResNet-20 (a pass costs about
     * 10 ms beyond its rows there), while a whole report on it stays well under 2 GB (BENCHMARKS.md, "Real models").
     */
    public static final long DEFAULT_CEILING = 512L << 20;

    /** The default's share of the machine's memory. */
    public static final int DEFAULT_FRACTION = 32;

    public MemoryBudget {
        if (bytes < MINIMUM) {
            throw GlassboxException.usage("a memory budget of " + describe(bytes) + " is too small; give at least "
                    + describe(MINIMUM));
        }
    }

    /** 1/32 of the machine's memory, at most 512 MiB: room for every pass, leaving the rest to the system. */
    public static MemoryBudget defaultBudget() {
        return fromMachine(physicalMemory());
    }

    static MemoryBudget fromMachine(long physical) {
        return new MemoryBudget(Math.max(MINIMUM, Math.min(DEFAULT_CEILING, physical / DEFAULT_FRACTION)));
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?");

    /**
     * Parses a size as {@code --memory} takes it: {@code 512m}, {@code 1.5g}, {@code 800MiB}, {@code 2GB} (binary
     * units; a bare number is bytes).
     */
    public static MemoryBudget parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw GlassboxException.usage("--memory '" + text + "' is not a size such as 512m or 2g");
        }
        double value = Double.parseDouble(m.group(1));
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return new MemoryBudget((long) (value * (1L << shift)));
    }

    /** The machine's memory, or 4 GiB where the JVM cannot tell. */
    static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            if (total > 0) {
                return total;
            }
        }
        return 4L << 30;
    }

    @Override
    public String toString() {
        return describe(bytes);
    }

    static String describe(long bytes) {
        for (var unit : List.of(new Object[] {30, "GiB"}, new Object[] {20, "MiB"}, new Object[] {10, "KiB"})) {
            int shift = (int) unit[0];
            if (bytes >= 1L << shift) {
                double v = (double) bytes / (1L << shift);
                String number = v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                        : String.format(Locale.ROOT, "%.1f", v);
                return number + " " + unit[1];
            }
        }
        return bytes + " bytes";
    }
}
