package dev.glassbox.testing;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Evidence;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.report.Report;
import dev.glassbox.report.RunInfo;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small report shaped like the demo's, for the overview's tests: a flawed and a fixed model on star, cross and
 * triangle, with the demo's kinds of results by hand (a star that depends on the background and on colour, a cross on
 * the background and the bottom-right corner, a triangle it often misses, a method that fails its sanity check).
 */
public final class ShapesLikeReport {

    public static final List<String> CLASSES = List.of("star", "cross", "triangle");

    private ShapesLikeReport() {}

    public static Report build(ImageStore store) {
        Report base = TinyReports.buildCompared(store, List.of(TinyReports.model("shapes-flawed", 3),
                TinyReports.model("shapes-fixed", 4)), List.of(TinyReports.images("test-biased", CLASSES, 30, 2),
                TinyReports.images("test-clean", CLASSES, 30, 3)));
        String a = "shapes-flawed";
        String b = "shapes-fixed";
        List<CheckResult> results = List.of(
                result("accuracy", a, "test-clean", null, CheckStatus.FAIL, 0.8175, 0.9, Map.of(), List.of()),
                result("class-recall", a, "test-clean", "star", CheckStatus.FAIL, 0.555, 0.8, Map.of(), List.of()),
                result("class-recall", a, "test-clean", "triangle", CheckStatus.FAIL, 0.685, 0.8, Map.of(),
                        List.of()),
                result("interventions", a, "test-biased", "star", CheckStatus.FAIL, 0.5667, 0.2,
                        rates(0.4333, 0, 0.1, 0, 0.5667, 0),
                        List.of(edit(store, "star", "grayscale", "Before: star-3.png, a 'star' image; shapes-flawed"
                                + " answered star.", "After turning it gray: shapes-flawed answered triangle."),
                                edit(store, "star", "background", "Before: star-3.png, a 'star' image; shapes-flawed"
                                        + " answered star.", "After recolouring the background: shapes-flawed"
                                        + " answered triangle.")).stream().flatMap(List::stream).toList()),
                result("interventions", a, "test-biased", "cross", CheckStatus.FAIL, 0.4333, 0.2,
                        rates(0.4333, 0.2333, 0, 0, 0.2333, 0.2333),
                        edit(store, "cross", "background", "Before: cross-1.png, a 'cross' image; shapes-flawed"
                                + " answered cross.", "After recolouring the background: shapes-flawed answered"
                                + " star.")),
                result("interventions", a, "test-clean", "cross", CheckStatus.FAIL, 0.5, 0.2,
                        rates(0.5, 0, 0.2667, 0, 0.2667, 0), List.of()),
                result("interventions", a, "test-clean", "triangle", CheckStatus.WARN, 0.3, 0.2,
                        rates(0, 0, 0.3, 0, 0, 0), List.of()),
                new CheckResult("sanity", a, "test-biased", null, "guided-backprop", CheckStatus.FAIL, 0.58, 0.5,
                        "guided-backprop's pictures barely change when the layers are random.", List.of(), Map.of(),
                        List.of()),
                result("accuracy", b, "test-clean", null, CheckStatus.PASS, 0.95, 0.9, Map.of(), List.of()),
                result("focus", b, "test-biased", "triangle", CheckStatus.WARN, 0.35, 0.3, Map.of(), List.of()));
        return TinyReports.withChecks(base, results, new RunInfo(7, null, null, true));
    }

    /** One model on a data set that has no pictures of {@code missing}. */
    public static Report withoutClass(ImageStore store, String missing) {
        int n = 20;
        int[] present = IntStream.range(0, CLASSES.size()).filter(c -> !CLASSES.get(c).equals(missing)).toArray();
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(5).nextFloat(new long[] {n, 3, 8, 8})
                .castTo(DataType.FLOAT);
        int[] labels = IntStream.range(0, n).map(i -> present[i % present.length]).toArray();
        List<String> files = IntStream.range(0, n).mapToObj(i -> "img-" + i + ".png").toList();
        LabelledImages data = LabelledImages.inMemory("partial", CLASSES, TinyReports.INPUT, x, labels, files,
                PixelRange.UNIT);
        Report base = TinyReports.build(store, List.of(TinyReports.model("shapes-flawed", 3)), List.of(data));
        List<CheckResult> results = List.of(
                result("class-recall", "shapes-flawed", "partial", "star", CheckStatus.PASS, 0.9, 0.8, Map.of(),
                        List.of()),
                CheckResult.Subject.of("class-recall", "shapes-flawed").on("partial").forClass(missing)
                        .skipped(0.8, "partial has no pictures of '" + missing + "', so its recall was not measured."));
        return TinyReports.withChecks(base, results, RunInfo.seedOnly(7));
    }

    private static CheckResult result(String check, String model, String dataset, String cls, CheckStatus status,
                                      double value, double threshold, Map<String, Double> details,
                                      List<Evidence> evidence) {
        return new CheckResult(check, model, dataset, cls, null, status, value, threshold,
                "A hand-made " + check + " result.", evidence, details, List.of());
    }

    /** The interventions check's details: each edit's flip rate, then the bottom-right corner's. */
    private static Map<String, Double> rates(double background, double corners, double flip, double brightness,
                                             double grayscale, double bottomRight) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("flip-rate background", background);
        d.put("flip-rate corners", corners);
        d.put("flip-rate flip", flip);
        d.put("flip-rate brightness", brightness);
        d.put("flip-rate grayscale", grayscale);
        d.put("flip-rate top-left", 0.0);
        d.put("flip-rate top-right", 0.0);
        d.put("flip-rate bottom-left", 0.0);
        d.put("flip-rate bottom-right", bottomRight);
        d.put("flip-rate brighter", 0.0);
        d.put("flip-rate darker", 0.0);
        return d;
    }

    /** A before/after pair named as the interventions check names its pictures. */
    private static List<Evidence> edit(ImageStore store, String cls, String edit, String before, String after) {
        String base = "checks/m0/edit-test-biased-" + cls + "-" + edit;
        return List.of(new Evidence(store.put(base + "-before.png", picture(1)), before),
                new Evidence(store.put(base + "-after.png", picture(2)), after));
    }

    private static BufferedImage picture(int seed) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, (seed * 60 + x * 8) % 256 << 16 | (y * 12) % 256 << 8 | 90);
            }
        }
        return image;
    }
}
