package dev.glassbox.bench;

import dev.glassbox.Progress;
import dev.glassbox.attribution.AttributionMethod;
import dev.glassbox.attribution.AttributionMethods;
import dev.glassbox.model.GradientEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each attribution method, with its defaults, on a batch of images, against the bare batched passes it needs: a
 * method that costs k forward+backward (or forward) passes per image should take about as long as k such passes in
 * batches of the same size. The ratio shows what the method adds on top.
 */
public final class MethodBenchmark {

    /** The work a method needs per image, in the engine's passes. */
    private record Case(String method, Map<String, String> params, int forwardPerImage, int gradientPerImage,
                        String passes) {}

    private static final int CHUNK = 256;

    /** Passes per timed run: each method's batch is sized so that every row times comparable work. */
    private static final int ROWS_PER_RUN = 512;

    private final GradientEngine engine;
    private final double seconds;
    private final Progress progress;
    private final INDArray chunk;

    public MethodBenchmark(GradientEngine engine, double seconds, Progress progress) {
        this.engine = engine;
        this.seconds = seconds;
        this.progress = progress;
        this.chunk = Nd4j.rand(DataType.FLOAT, engine.input().batchShape(CHUNK));
    }

    public String run(String modelName) {
        long windows = occlusionWindows();
        List<Case> cases = List.of(
                new Case("saliency", Map.of(), 0, 1, "1 forward+backward"),
                new Case("input-x-gradient", Map.of(), 0, 1, "1 forward+backward"),
                new Case("guided-backprop", Map.of(), 0, 1, "1 forward+backward"),
                new Case("grad-cam", Map.of(), 0, 1, "1 forward + backward to its layer (compared with a full pass)"),
                new Case("guided-grad-cam", Map.of(), 0, 2, "2 forward+backward"),
                new Case("integrated-gradients", Map.of(), 2, 50, "50 forward+backward (+2 forward)"),
                new Case("smoothgrad", Map.of(), 0, 25, "25 forward+backward"),
                new Case("occlusion", Map.of(), (int) windows + 1, 0, (windows + 1) + " forward"),
                new Case("rise", Map.of(), 2000, 0, "2,000 forward"));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            int images = Math.max(2, Math.min(64, ROWS_PER_RUN / (c.forwardPerImage() + c.gradientPerImage())));
            INDArray x = Nd4j.rand(DataType.FLOAT, engine.input().batchShape(images));
            int[] targets = engine.logits(x).argMax(1).toIntVector();
            progress.update("Benchmarking the attribution methods", i, cases.size());
            AttributionMethod method = AttributionMethods.create(c.method(), engine, c.params());
            Paired t = Paired.time(() -> method.attribute(x, targets),
                    () -> barePasses(c.forwardPerImage() * images, c.gradientPerImage() * images), seconds);
            double methodSeconds = t.first();
            rows.add(new String[] {c.method(), c.passes(), String.valueOf(images),
                    String.format(Locale.ROOT, "%,.1f", images / methodSeconds),
                    String.format(Locale.ROOT, "%.1f", 1e3 * methodSeconds / images),
                    String.format(Locale.ROOT, "%.2f×", t.ratio())});
        }
        progress.update("Benchmarking the attribution methods", cases.size(), cases.size());
        StringBuilder s = new StringBuilder();
        s.append("### Attribution methods (`glassbox bench`)\n\n");
        s.append("Each method with its default settings on ").append(modelName).append(", each image explaining its"
                        + " predicted class, in a batch sized to about ").append(ROWS_PER_RUN).append(" passes;"
                        + " \"bare passes\" is the time of the same number of engine passes alone, in batches of up to ")
                .append(CHUNK).append(" rows (method and bare passes alternate; medians of per-pair ratios, ").append(seconds).append(" s per pair).\n\n");
        s.append("| method | passes per image | batch | images/s | ms per image | time ÷ bare passes |\n");
        s.append("|---|---|---:|---:|---:|---:|\n");
        for (String[] r : rows) {
            s.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return s.toString();
    }

    /** Occlusion's default: all channels × 4 × 4 patches, stride = window. */
    private long occlusionWindows() {
        if (!engine.input().isImage()) {
            return engine.input().length();
        }
        long rows = (engine.input().height() + 3) / 4;
        long cols = (engine.input().width() + 3) / 4;
        return rows * cols;
    }

    private void barePasses(int forwardRows, int gradientRows) {
        for (int from = 0; from < forwardRows; from += CHUNK) {
            engine.logits(rows(Math.min(CHUNK, forwardRows - from)));
        }
        for (int from = 0; from < gradientRows; from += CHUNK) {
            int n = Math.min(CHUNK, gradientRows - from);
            engine.inputGradient(rows(n), new int[n]);
        }
    }

    private INDArray rows(int n) {
        return n == CHUNK ? chunk : chunk.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).dup();
    }
}
