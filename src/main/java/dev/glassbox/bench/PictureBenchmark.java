package dev.glassbox.bench;

import dev.glassbox.Progress;
import dev.glassbox.attribution.AttributionMethod;
import dev.glassbox.attribution.AttributionMethods;
import dev.glassbox.model.GradientEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each attribution method on the user's own model and pictures: pictures per second over all of them in one call
 * (as {@code explain} runs them), the peak resident memory while it runs, and its time against the bare engine
 * passes it needs (the same number of forward, or forward and backward, rows of the same pictures, split by the
 * same memory budget). Method and bare passes alternate, and the figures are medians over the rounds.
 */
public final class PictureBenchmark {

    /** The methods {@code bench --images} runs when none are named: the battery's defaults and occlusion. */
    public static final List<String> DEFAULT_METHODS = List.of("saliency", "input-x-gradient", "integrated-gradients",
            "smoothgrad", "guided-backprop", "grad-cam", "occlusion");

    private final GradientEngine engine;
    private final INDArray pictures;
    private final int[] targets;
    private final int rounds;
    private final Progress progress;

    /**
     * @param pictures the pictures, one batch in the model's input layout and precision
     * @param rounds   timed rounds of each method and its bare passes, after one warm-up round
     */
    public PictureBenchmark(GradientEngine engine, INDArray pictures, int rounds, Progress progress) {
        this.engine = engine;
        this.pictures = pictures.castTo(engine.dataType());
        this.rounds = Math.max(1, rounds);
        this.progress = progress;
        this.targets = engine.logits(this.pictures).argMax(1).toIntVector();
    }

    /** One method with its parameters (as {@code explain --param} takes them). */
    public record Case(String method, Map<String, String> params) {}

    /**
     * The Markdown table of every case.
     *
     * @param modelName  the model as the table names it
     * @param imagesName the pictures as the table names them
     */
    public String run(List<Case> cases, String modelName, String imagesName) {
        int n = (int) pictures.size(0);
        var sizes = engine.passSizes();
        double forwardRate = n / time(() -> engine.logits(pictures));
        double gradientRate = n / time(() -> engine.inputGradient(pictures, targets));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            progress.update("Benchmarking the methods on " + n + " pictures", i, cases.size());
            AttributionMethod method = AttributionMethods.create(c.method(), engine, c.params());
            int[] passes = passesPerPicture(c);
            INDArray forwardRows = repeat(passes[0]);
            INDArray gradientRows = repeat(passes[1]);
            int[] gradientTargets = repeatTargets(passes[1]);
            resetPeakMemory();
            Paired t = Paired.time(() -> method.attribute(pictures, targets), () -> {
                if (forwardRows != null) {
                    engine.logits(forwardRows);
                }
                if (gradientRows != null) {
                    engine.inputGradient(gradientRows, gradientTargets);
                }
            }, 0, rounds, 1);
            rows.add(new String[] {c.method(), settings(c), describe(passes), String.valueOf(n),
                    String.format(Locale.ROOT, "%,.1f", n / t.first()),
                    String.format(Locale.ROOT, "%.2f", 1e3 * t.first() / n),
                    peakMemory().map(b -> String.format(Locale.ROOT, "%,d", b >> 20)).orElse("?"),
                    String.format(Locale.ROOT, "%.2f×", t.ratio())});
        }
        progress.update("Benchmarking the methods on " + n + " pictures", cases.size(), cases.size());
        StringBuilder s = new StringBuilder();
        s.append("### Attribution methods on ").append(modelName).append(" (`glassbox bench --images`)\n\n");
        s.append(String.format(Locale.ROOT, "%d pictures from %s, each explaining its predicted class, all in one call"
                        + " per method (as `explain` runs them), %s precision. Memory budget %s per pass: %d rows"
                        + " forward, %d forward and backward. Bare passes alone: %,.0f pictures/s forward, %,.0f"
                        + " forward and backward. Medians of %d rounds after a warm-up; method and bare passes"
                        + " alternate. Peak memory is the process's resident memory while the method ran (the"
                        + " workspaces of the method before freed and the peak reset, where Linux allows).%n%n",
                n, imagesName, engine.dataType().name().toLowerCase(Locale.ROOT), engine.budget(),
                sizes.forwardRows(), sizes.gradientRows(), forwardRate, gradientRate, rounds));
        s.append("| method | settings | passes per picture | pictures | pictures/s | ms per picture | peak memory (MiB)"
                + " | time ÷ bare passes |\n");
        s.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (String[] r : rows) {
            s.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return s.toString();
    }

    /** The default cases, with the given parameters by method. */
    public static List<Case> cases(List<String> methods, Map<String, Map<String, String>> params) {
        List<Case> out = new ArrayList<>();
        for (String m : methods) {
            out.add(new Case(m, params.getOrDefault(m, Map.of())));
        }
        return out;
    }

    /** Forward rows and forward-and-backward rows per picture that a method needs. */
    int[] passesPerPicture(Case c) {
        Map<String, String> p = c.params();
        return switch (c.method()) {
            case "integrated-gradients" -> new int[] {2, integer(p, "steps", 50)};
            case "smoothgrad" -> {
                int[] base = passesPerPicture(new Case(p.getOrDefault("base", "saliency"), baseParams(p)));
                int samples = integer(p, "samples", 25);
                yield new int[] {base[0] * samples, base[1] * samples};
            }
            case "guided-grad-cam" -> new int[] {0, 2};
            case "occlusion" -> new int[] {occlusionWindows(p) + 1, 0};
            case "rise" -> new int[] {integer(p, "masks", 2000), 0};
            default -> new int[] {0, 1};
        };
    }

    private static Map<String, String> baseParams(Map<String, String> smoothgrad) {
        Map<String, String> out = new LinkedHashMap<>(smoothgrad);
        List.of("base", "samples", "sigma", "kind", "seed").forEach(out::remove);
        return out;
    }

    private int occlusionWindows(Map<String, String> p) {
        return ((dev.glassbox.attribution.Occlusion) AttributionMethods.create("occlusion", engine, p)).windowCount();
    }

    private static int integer(Map<String, String> p, String key, int fallback) {
        return p.containsKey(key) ? Integer.parseInt(p.get(key).trim()) : fallback;
    }

    private static String describe(int[] passes) {
        List<String> parts = new ArrayList<>();
        if (passes[1] > 0) {
            parts.add(passes[1] + " forward+backward");
        }
        if (passes[0] > 0) {
            parts.add(passes[0] + " forward");
        }
        return String.join(" + ", parts);
    }

    private static String settings(Case c) {
        return c.params().isEmpty() ? "defaults" : c.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Each picture {@code times} times over, as one batch, or null for none. */
    private INDArray repeat(int times) {
        if (times == 0) {
            return null;
        }
        INDArray[] copies = new INDArray[times];
        java.util.Arrays.fill(copies, pictures);
        return times == 1 ? pictures : Nd4j.concat(0, copies);
    }

    private int[] repeatTargets(int times) {
        int[] out = new int[targets.length * times];
        for (int k = 0; k < times; k++) {
            System.arraycopy(targets, 0, out, k * targets.length, targets.length);
        }
        return out;
    }

    private static double time(Runnable work) {
        work.run();
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Frees what earlier methods left (the engine's workspaces keep their largest size, and arrays wait for a
     * collection), then resets the process's peak resident memory (Linux: writing 5 to /proc/self/clear_refs), so
     * that the next peak is the next method's.
     */
    private static void resetPeakMemory() {
        GradientEngine.releaseMemory();
        System.gc();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak is the process's since it started
        }
    }

    private static Optional<Long> peakMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
