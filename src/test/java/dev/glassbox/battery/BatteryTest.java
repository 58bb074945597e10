package dev.glassbox.battery;

import dev.glassbox.checks.MethodSpec;
import dev.glassbox.report.GalleryMap;
import dev.glassbox.report.GallerySample;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import dev.glassbox.report.SummaryJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.testing.TinyReports;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class BatteryTest {

    private static final List<String> CLASSES = List.of("red", "green", "blue");

    @Test
    void galleryHoldsTheMostConfidentCorrectAndWrongPredictionsOfEachClass() {
        ModelUnderTest model = TinyReports.model("tiny", 3);
        LabelledImages data = TinyReports.images("random", CLASSES, 90, 7);
        try (ImageStore store = ImageStore.temporary()) {
            Report report = TinyReports.build(store, List.of(model), List.of(data));
            ModelReport m = report.models().get(0);
            assertEquals(90, m.evaluations().get(0).images());

            // Brute force: every image's prediction and confidence, in one batch.
            INDArray p = model.engine().probabilities(data.images().read(0, 90));
            for (int c = 0; c < 3; c++) {
                for (GallerySample.Outcome outcome : GallerySample.Outcome.values()) {
                    List<Double> expected = new ArrayList<>();
                    for (int i = 0; i < 90; i++) {
                        int predicted = p.getRow(i).argMax().getInt(0);
                        if (data.label(i) == c && (predicted == c) == (outcome == GallerySample.Outcome.CORRECT)) {
                            expected.add(p.getDouble(i, predicted));
                        }
                    }
                    expected.sort((a, b) -> Double.compare(b, a));
                    String name = CLASSES.get(c);
                    List<GallerySample> got = m.gallery().stream()
                            .filter(s -> s.className().equals(name) && s.outcome() == outcome).toList();
                    assertEquals(Math.min(2, expected.size()), got.size(), name + " " + outcome);
                    for (int r = 0; r < got.size(); r++) {
                        assertEquals(expected.get(r), got.get(r).confidence(), 1e-5, name + " " + outcome + " #" + r);
                        assertEquals(r + 1, got.get(r).rank());
                        assertEquals(name, got.get(r).trueClass());
                    }
                }
            }
            assertTrue(m.gallery().stream().anyMatch(s -> s.outcome() == GallerySample.Outcome.WRONG),
                    "an untrained net gets some wrong");
        }
    }

    @Test
    void picturesAreEnlargedToAtLeastThePictureSize() throws Exception {
        try (ImageStore store = ImageStore.temporary()) {
            Report report = TinyReports.build(store, List.of(TinyReports.model("tiny", 3)),
                    List.of(TinyReports.images("random", CLASSES, 12, 1)));
            GallerySample s = report.models().get(0).gallery().get(0);
            for (String path : List.of(s.picture(), s.maps().get(0).picture())) {
                BufferedImage image = ImageIO.read(store.file(path).toFile());
                assertEquals(160, image.getWidth(), path);
                assertEquals(160, image.getHeight(), path);
            }
        }
    }

    @Test
    void metricsDoNotDependOnBatchSizeOrDataLayout() {
        ModelUnderTest model = TinyReports.model("tiny", 3);
        LabelledImages nchw = TinyReports.images("random", CLASSES, 50, 9);
        INDArray all = nchw.images().read(0, 50).permute(0, 2, 3, 1).dup('c');
        LabelledImages nhwc = LabelledImages.inMemory("random", CLASSES, InputSpec.image(InputLayout.NHWC, 3, 8, 8),
                all, nchw.labels(), nchw.files(), PixelRange.UNIT);
        try (ImageStore store = ImageStore.temporary()) {
            Evaluation small = new Battery(RunPlan.basic("t", TinyReports.WHEN, 7, 1))
                    .run(List.of(model), List.of(nchw), store, Progress.NONE).models().get(0).evaluations().get(0);
            Evaluation big = new Battery(RunPlan.basic("t", TinyReports.WHEN, 64, 1))
                    .run(List.of(model), List.of(nhwc), store, Progress.NONE).models().get(0).evaluations().get(0);
            assertEquals(small, big);
        }
    }

    @Test
    void progressIsReportedUpToTheTotal() {
        List<String> seen = new ArrayList<>();
        Progress progress = (what, done, total) -> seen.add(what + " " + done + "/" + total);
        try (ImageStore store = ImageStore.temporary()) {
            new Battery(RunPlan.basic("t", TinyReports.WHEN, 10, 1)).run(List.of(TinyReports.model("tiny", 3)),
                    List.of(TinyReports.images("d", CLASSES, 25, 1)), store, progress);
        }
        assertTrue(seen.contains("Testing tiny on d 25/25"), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("Explaining the gallery of tiny on d")), seen.toString());
    }

    @Test
    void everyGalleryMethodGetsItsPictureSideBySide() {
        // grad-cam without upsampling gives maps at the layer's size, which the gallery stretches to the picture
        List<MethodSpec> methods = List.of(new MethodSpec("saliency", Map.of()),
                new MethodSpec("input-x-gradient", Map.of()), new MethodSpec("grad-cam", Map.of("upsample", "false")));
        try (ImageStore store = ImageStore.temporary()) {
            Report r = new Battery(RunPlan.basic("t", TinyReports.WHEN, 10, 1).withMethods(methods)).run(
                    List.of(TinyReports.model("tiny", 3)), List.of(TinyReports.images("d", CLASSES, 25, 1)), store,
                    Progress.NONE);
            for (GallerySample s : r.models().get(0).gallery()) {
                assertEquals(List.of("saliency", "input-x-gradient", "grad-cam"),
                        s.maps().stream().map(GalleryMap::method).toList());
                for (GalleryMap m : s.maps()) {
                    assertTrue(java.nio.file.Files.isRegularFile(store.file(m.picture())), m.toString());
                }
            }
        }
    }

    @Test
    void theRunSeedReachesEveryRandomMethodUnlessItsParametersNameASeed() {
        List<MethodSpec> given = List.of(new MethodSpec("smoothgrad", Map.of()), new MethodSpec("rise", Map.of()),
                new MethodSpec("integrated-gradients", Map.of("baseline", "uniform-noise")),
                new MethodSpec("saliency", Map.of()), new MethodSpec("rise", Map.of("seed", "5")));
        RunPlan plan = RunPlan.basic("t", TinyReports.WHEN, 10, 1).withMethods(given).withChecks(Map.of(), 42);
        assertEquals(List.of("42", "42", "42", "none", "5"), plan.methods().stream()
                .map(m -> m.params().getOrDefault("seed", "none")).toList());
        assertEquals("7", plan.withChecks(Map.of(), 7).galleryMethods().get(0).params().get("seed"),
                "a new seed reaches the methods too");
        // and it decides the maps: SmoothGrad's noise under seeds 1, 1 and 2
        List<byte[]> pictures = new ArrayList<>();
        for (long seed : new long[] {1, 1, 2}) {
            try (ImageStore store = ImageStore.temporary()) {
                Report r = new Battery(RunPlan.basic("t", TinyReports.WHEN, 10, 1)
                        .withMethods(List.of(new MethodSpec("smoothgrad", Map.of("samples", "4"))))
                        .withChecks(Map.of(), seed)).run(List.of(TinyReports.model("tiny", 3)),
                        List.of(TinyReports.images("d", CLASSES, 9, 1)), store, Progress.NONE);
                pictures.add(readAll(store.file(r.models().get(0).gallery().get(0).maps().get(0).picture())));
            }
        }
        assertArrayEquals(pictures.get(0), pictures.get(1), "the same seed draws the same noise");
        assertFalse(java.util.Arrays.equals(pictures.get(0), pictures.get(2)), "another seed draws other noise");
    }

    private static byte[] readAll(java.nio.file.Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void classCountMismatchIsAUsageError() {
        LabelledImages four = TinyReports.images("d", List.of("a", "b", "c", "d"), 8, 1);
        try (ImageStore store = ImageStore.temporary()) {
            GlassboxException e = assertThrows(GlassboxException.class,
                    () -> TinyReports.build(store, List.of(TinyReports.model("tiny", 3)), List.of(four)));
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().contains("3 outputs"), e.getMessage());
        }
    }

    @Test
    void timestampComesFromSourceDateEpochWhenSet() {
        Clock clock = Clock.fixed(Instant.parse("2030-05-06T07:08:09.5Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
                RunPlan.timestamp(Map.of("SOURCE_DATE_EPOCH", "1767225600"), clock));
        assertEquals(Instant.parse("2030-05-06T07:08:09Z"), RunPlan.timestamp(Map.of(), clock));
        assertThrows(GlassboxException.class, () -> RunPlan.timestamp(Map.of("SOURCE_DATE_EPOCH", "x"), clock));
    }

    @Test
    void sameInputsGiveTheSameSummaryApartFromTimingsAndTheSamePictures() throws Exception {
        List<String> jsons = new ArrayList<>();
        List<List<byte[]>> pngs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (ImageStore store = ImageStore.temporary()) {
                Report report = TinyReports.build(store,
                        List.of(TinyReports.model("a", 3), TinyReports.model("b", 4)),
                        List.of(TinyReports.images("d", CLASSES, 40, 5)));
                jsons.add(SummaryJson.toJson(report.withTiming("evaluation", 0).withTiming("gallery", 0)));
                List<byte[]> bytes = new ArrayList<>();
                for (ModelReport m : report.models()) {
                    for (GallerySample s : m.gallery()) {
                        bytes.add(Files.readAllBytes(store.file(s.picture())));
                        bytes.add(Files.readAllBytes(store.file(s.maps().get(0).picture())));
                    }
                }
                pngs.add(bytes);
            }
        }
        assertEquals(jsons.get(0), jsons.get(1));
        assertEquals(pngs.get(0).size(), pngs.get(1).size());
        assertFalse(pngs.get(0).isEmpty());
        for (int i = 0; i < pngs.get(0).size(); i++) {
            assertArrayEquals(pngs.get(0).get(i), pngs.get(1).get(i), "picture " + i);
        }
        assertTrue(jsons.get(0).contains("\"generatedAt\" : \"2026-01-01T00:00:00Z\""), jsons.get(0));
    }

    @Test
    void summaryFollowsTheDocumentedSchema() throws Exception {
        try (ImageStore store = ImageStore.temporary()) {
            Report report = TinyReports.build(store, List.of(TinyReports.model("tiny", 3)),
                    List.of(TinyReports.images("d", CLASSES, 12, 1)));
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SummaryJson.toJson(report));
            assertEquals("glassbox-summary/1", root.get("schema").asText());
            assertEquals("not-run", root.get("verdict").asText());
            assertTrue(root.get("checks").isArray());
            var evaluation = root.get("models").get(0).get("evaluations").get(0);
            assertEquals("d", evaluation.get("dataset").asText());
            assertEquals(12, evaluation.get("images").asInt());
            var cls = evaluation.get("classes").get(0);
            for (String field : List.of("name", "precision", "recall", "f1", "support")) {
                assertTrue(cls.has(field), field);
            }
            assertTrue(root.get("timings").has("evaluation"));
            assertTrue(root.get("versions").has("glassbox"));
            assertNull(report.models().get(0).sha256(), "an in-memory model has no file to hash");
        }
    }
}
