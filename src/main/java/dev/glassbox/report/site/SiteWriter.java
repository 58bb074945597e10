package dev.glassbox.report.site;

import dev.glassbox.Progress;
import dev.glassbox.evaluation.ClassMetrics;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.files.DiskErrors;
import dev.glassbox.files.OwnedFolder;
import dev.glassbox.files.StagedOutput;
import dev.glassbox.report.DatasetSummary;
import dev.glassbox.report.GallerySample;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.JUnitXml;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import dev.glassbox.report.SummaryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a report as a static site that opens from a file, offline: {@code index.html} (the overview, which opens
 * with the verdict and the findings), {@code checks.html}, {@code classes.html}, {@code gallery.html},
 * {@code methods.html}, {@code neurons.html} and one page per layer examined (when a model has a neuron analysis),
 * {@code compare.html} (when the report compares two models), {@code about.html}, {@code assets/}, {@code img/},
 * {@code summary.json}, {@code junit.xml}, the marker {@code .glassbox-report}, and {@code OUT.zip} beside the
 * folder. The site is built in a staging folder beside it and moved into place only when complete (see
 * {@link StagedOutput}), so a failure never leaves half a report, and only a folder Glassbox wrote is replaced.
 */
public final class SiteWriter {

    static final String CSS = "assets/style.css";
    /** How to read the gallery's overlays: one colour bar for the whole site. */
    static final String LEGEND = "img/legend.png";
    private static final Page OVERVIEW = new Page("index.html", "overview", "Overview");
    private static final Page CHECKS = new Page(CheckViews.PAGE, "checks", "Checks");
    private static final Page CLASSES = new Page("classes.html", "classes", "Classes");
    private static final Page GALLERY = new Page("gallery.html", "gallery", "Gallery");
    private static final Page METHODS = new Page("methods.html", "methods", "Methods");
    private static final Page NEURONS = new Page(NeuronViews.PAGE, "neurons", "Neurons");
    private static final Page COMPARE = new Page("compare.html", "compare", "Compare");
    private static final Page ABOUT = new Page("about.html", "about", "About");

    private final TemplateEngine templates;

    public SiteWriter() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(SiteWriter.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
    }

    /**
     * Writes the site into {@code out} (replacing a previous Glassbox report there) and {@code out.zip}, staged beside
     * {@code out} and moved into place when complete.
     *
     * @param pictures where the report's pictures were written
     * @return the report as written, with the time the site took added to its timings
     * @throws GlassboxException usage when {@code out} or the zip is something Glassbox did not write
     */
    public Report write(Report report, ImageStore pictures, Path out, Progress progress) {
        try (StagedOutput output = output(out)) {
            Report written = writeInto(report, pictures, output.stage(target(out)), output.stage(zipOf(out)),
                    progress);
            output.commit();
            return written;
        }
    }

    /**
     * The staged output of a report in {@code out}: the folder and the zip beside it. Opening it checks, before any
     * work, that both may be replaced.
     */
    public static StagedOutput output(Path out) {
        return StagedOutput.begin("--out", targets(out));
    }

    /** Checks, without writing anything, that a report may be written to {@code out} (see {@link #output}). */
    public static void requireReplaceable(Path out) {
        StagedOutput.requireReplaceable("--out", targets(out));
    }

    private static List<StagedOutput.Target> targets(Path out) {
        return List.of(new StagedOutput.FolderTarget(target(out), OwnedFolder.Kind.REPORT),
                new StagedOutput.FileTarget(zipOf(out), SiteZip::isReportZip, "a report zip"));
    }

    /** The zip written beside the report folder {@code out}: {@code out.zip}. */
    public static Path zipOf(Path out) {
        Path target = target(out);
        return target.resolveSibling(target.getFileName() + ".zip");
    }

    private static Path target(Path out) {
        return out.toAbsolutePath().normalize();
    }

    /**
     * Writes the site into the new folder {@code site} and its zip to {@code zip}, with Glassbox's marker in both.
     *
     * @param pictures where the report's pictures were written; when that is {@code site/img} they are already in
     *                 place, otherwise they are copied there
     */
    public Report writeInto(Report report, ImageStore pictures, Path site, Path zip, Progress progress) {
        long start = System.nanoTime();
        try {
            String task = "Writing the report";
            Path img = site.resolve("img");
            if (!pictures.folder().toAbsolutePath().normalize().equals(img.toAbsolutePath().normalize())) {
                copyTree(pictures.folder(), img);
            }
            Files.createDirectories(img.resolve("charts"));
            Files.createDirectories(site.resolve("assets"));
            CheckViews views = new CheckViews(report, picture -> Files.isRegularFile(site.resolve(picture)));
            NeuronViews neurons = new NeuronViews(report, PictureSizes.in(site));
            List<Page> pages = new ArrayList<>(pages(report));
            pages.addAll(neurons.layerPages());
            int steps = pages.size() + 3;
            progress.update(task, 0, steps);
            Map<String, String> charts = writeCharts(report, views, site);
            dev.glassbox.imaging.PngFiles.write(dev.glassbox.imaging.Legend.overlayBar(256, 14), site.resolve(LEGEND));
            progress.update(task, 1, steps);
            copyResource("templates/" + CSS, site.resolve(CSS));
            Report written = report.withTiming("site", (System.nanoTime() - start) / 1e9);
            for (int i = 0; i < pages.size(); i++) {
                String html = render(written, pages.get(i), charts, views, neurons);
                Files.writeString(site.resolve(pages.get(i).file()), html, StandardCharsets.UTF_8);
                progress.update(task, 2 + i, steps);
            }
            SummaryJson.write(written, site.resolve(SummaryJson.FILE_NAME));
            JUnitXml.write(written, site.resolve(JUnitXml.FILE_NAME));
            OwnedFolder.mark(site, OwnedFolder.Kind.REPORT, runId(written));
            SiteZip.write(site, zip, written.generatedAt());
            progress.update(task, steps, steps);
            return written;
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(site, e);
        }
    }

    /**
     * What identifies a run in its marker: title, time stamp, config, seed and the models' hashes, so that the same
     * config and seed give the same marker (and zip).
     */
    static String runId(Report report) {
        StringBuilder identity = new StringBuilder(report.title()).append('\n').append(report.generatedAt())
                .append('\n').append(report.run().seed()).append('\n').append(report.run().config());
        report.models().forEach(m -> identity.append('\n').append(m.name()).append(' ').append(m.sha256()));
        return OwnedFolder.id(identity.toString());
    }

    /**
     * The pages the navigation lists, in its order: the neurons page only where a model has a neuron analysis, the
     * compare page only where the report compares two models.
     */
    static List<Page> pages(Report report) {
        List<Page> pages = new ArrayList<>(List.of(OVERVIEW, CHECKS, CLASSES, GALLERY, METHODS));
        if (NeuronViews.any(report)) {
            pages.add(NEURONS);
        }
        if (report.compares()) {
            pages.add(COMPARE);
        }
        pages.add(ABOUT);
        return List.copyOf(pages);
    }

    /** One page as HTML. */
    String render(Report report, Page page, Map<String, String> charts, CheckViews views, NeuronViews neurons) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("report", report);
        context.setVariable("pageTitle", page.title());
        context.setVariable("generatedAt", DateTimeFormatter.ISO_INSTANT.format(report.generatedAt()));
        context.setVariable("version", report.version());
        List<PageLink> nav = new ArrayList<>();
        List<PageLink> crumbs = new ArrayList<>();
        for (Page p : pages(report)) {
            nav.add(new PageLink(p.file(), p.title(), p.file().equals(page.navFile())));
            if (!page.inNav() && p.file().equals(page.navFile())) {
                crumbs.add(new PageLink(p.file(), p.title(), false));
            }
        }
        context.setVariable("nav", nav);
        context.setVariable("crumbs", crumbs);
        context.setVariable("css", CSS);
        switch (page.template()) {
            case "overview" -> {
                context.setVariable("rows", accuracyRows(report));
                context.setVariable("verdict", Badge.verdict(report.verdict()));
                context.setVariable("findings", views.findings());
                context.setVariable("findingsNote", views.findingsNote());
                context.setVariable("neuronsHref", NeuronViews.any(report) ? NeuronViews.PAGE : null);
            }
            case "checks" -> context.setVariable("sections", views.sections());
            case "classes" -> context.setVariable("sections", classesSections(report, charts));
            case "gallery" -> {
                context.setVariable("sections", gallerySections(report));
                context.setVariable("untrusted", views.untrusted());
            }
            case "methods" -> context.setVariable("methods", methodSections(report, views));
            case "neurons" -> context.setVariable("sections", neurons.sections());
            case NeuronViews.LAYER_TEMPLATE -> context.setVariable("layer", neurons.layer(page));
            case "compare" -> context.setVariable("comparison", Comparison.of(report, views));
            case "about" -> about(report, context);
            default -> throw new IllegalStateException(page.template());
        }
        context.setVariable("datasets", report.datasets());
        context.setVariable("models", report.models());
        return templates.process(page.template(), context);
    }

    /** Each method the gallery shows or a check names, with its note and any sanity failure at its top. */
    private static List<MethodSection> methodSections(Report report, CheckViews views) {
        java.util.LinkedHashSet<String> methods = new java.util.LinkedHashSet<>(galleryMethods(report));
        methods.addAll(views.methods());
        List<Untrusted> untrusted = views.untrusted();
        return MethodNotes.of(List.copyOf(methods)).stream().map(n -> new MethodSection(n,
                untrusted.stream().filter(u -> u.method().equals(n.method())).toList())).toList();
    }

    private static void about(Report report, Context context) {
        context.setVariable("versions", report.versions().entrySet().stream()
                .map(e -> new Fact(e.getKey(), e.getValue())).toList());
        context.setVariable("timings", report.timings().entrySet().stream()
                .map(e -> new Fact(e.getKey(), seconds(e.getValue()))).toList());
        context.setVariable("totalTime", seconds(report.timings().values().stream()
                .mapToDouble(Double::doubleValue).sum()));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    static String sectionId(int model, int dataset) {
        return "m" + model + "-d" + dataset;
    }

    private static List<AccuracyRow> accuracyRows(Report report) {
        List<AccuracyRow> rows = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                Evaluation e = m.evaluation(report.datasets().get(di).name());
                rows.add(new AccuracyRow(m.name(), e.dataset(), Sentences.percent(e.accuracy()), e.correct(),
                        e.images(), Sentences.accuracy(m.name(), e), "classes.html#" + sectionId(mi, di)));
            }
        }
        return rows;
    }

    private static List<ClassesSection> classesSections(Report report, Map<String, String> charts) {
        List<ClassesSection> sections = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                Evaluation e = m.evaluation(report.datasets().get(di).name());
                List<ClassesSection.Row> rows = new ArrayList<>();
                for (int c = 0; c < e.classes().size(); c++) {
                    ClassMetrics cm = e.classes().get(c);
                    rows.add(new ClassesSection.Row(cm.name(), Sentences.percent(cm.precision()),
                            Sentences.percent(cm.recall()), Sentences.percent(cm.f1()), cm.support(),
                            Sentences.classRow(cm, e.confusion(), c)));
                }
                String id = sectionId(mi, di);
                sections.add(new ClassesSection(id, m.name(), e.dataset(), Sentences.weakest(e), rows,
                        charts.getOrDefault(id, ""), "Confusion matrix of " + m.name() + " on " + e.dataset()
                        + ": rows are the true classes, columns the classes the model answered."));
            }
        }
        return sections;
    }

    private static List<GallerySection> gallerySections(Report report) {
        List<GallerySection> sections = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                DatasetSummary d = report.datasets().get(di);
                List<GallerySection.ClassGallery> classes = new ArrayList<>();
                for (String c : d.classes()) {
                    List<GallerySection.Card> correct = new ArrayList<>();
                    List<GallerySection.Card> wrong = new ArrayList<>();
                    for (GallerySample s : m.gallery()) {
                        if (s.dataset().equals(d.name()) && s.className().equals(c)) {
                            (s.outcome() == GallerySample.Outcome.CORRECT ? correct : wrong).add(card(s));
                        }
                    }
                    classes.add(new GallerySection.ClassGallery(c, correct, wrong,
                            correct.isEmpty() ? "The model got no " + c + " image right." : "",
                            wrong.isEmpty() ? "The model got every " + c + " image right." : ""));
                }
                sections.add(new GallerySection(sectionId(mi, di), m.name(), d.name(), classes));
            }
        }
        return sections;
    }

    /** The methods the gallery shows, in its order. */
    private static List<String> galleryMethods(Report report) {
        return report.models().stream().flatMap(m -> m.gallery().stream()).findFirst()
                .map(s -> s.maps().stream().map(dev.glassbox.report.GalleryMap::method).toList())
                .orElse(List.of());
    }

    private static GallerySection.Card card(GallerySample s) {
        List<GallerySection.Map> maps = s.maps().stream().map(m -> new GallerySection.Map(m.method(), m.picture(),
                m.method() + " map of " + s.file() + " for the answer " + s.predictedClass())).toList();
        return new GallerySection.Card(s.picture(), "Image " + s.file() + ", labelled " + s.trueClass(), maps, s.file(),
                s.trueClass(), s.predictedClass(), Sentences.confidence(s.confidence()),
                s.outcome() == GallerySample.Outcome.CORRECT);
    }

    private static Map<String, String> writeCharts(Report report, CheckViews views, Path site) throws IOException {
        Map<String, String> charts = new HashMap<>();
        Path folder = site.resolve("img").resolve("charts");
        Files.createDirectories(folder);
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                String id = sectionId(mi, di);
                Evaluation e = m.evaluation(report.datasets().get(di).name());
                Files.write(folder.resolve(id + "-confusion.png"), ConfusionChart.png(e.confusion()));
                charts.put(id, "img/charts/" + id + "-confusion.png");
            }
        }
        for (CheckViews.ChartFile c : views.chartFiles()) {
            Files.write(site.resolve(c.path()), LineChart.png(c.chart()));
        }
        return charts;
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = SiteWriter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
