package dev.glassbox.report.site;

import dev.glassbox.Progress;
import dev.glassbox.files.DiskErrors;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.imaging.Legend;
import dev.glassbox.imaging.PngFiles;
import dev.glassbox.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a report as a static site that opens from a file, offline, into a {@link SiteOutput}: {@code index.html}
 * (the overview, which opens with each model's verdict and the top problems), {@code model-card.html},
 * {@code checks.html} and a page per check ({@code check-focus.html}), {@code classes.html}, {@code gallery.html},
 * {@code methods.html}, {@code neurons.html} and one page per layer examined (when a model has a neuron analysis),
 * {@code compare.html} (when the report compares two models), {@code glossary.html}, {@code about.html},
 * {@code assets/} and {@code img/}. Each page's technical terms link to the glossary ({@link GlossaryLinks}). Each page type is a {@link SitePage}; the writer sets what every page shares
 * (navigation, breadcrumb, footer) and loops over them. {@code summary.json} and {@code junit.xml} are the caller's
 * to add beside the site; {@link StagedSite} puts a report in place.
 */
public final class SiteWriter {

    static final String CSS = "assets/style.css";
    /** How to read the gallery's overlays: one colour bar for the whole site. */
    static final String LEGEND = "img/legend.png";

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
     * Writes the site of {@code report} into {@code out}.
     *
     * @param pictures where the report's pictures were written; each is copied to {@code out} (a folder output that
     *                 already holds it, as a staged site does, keeps it)
     * @return the report as written, with the time the site took added to its timings
     * @throws dev.glassbox.GlassboxException bad input (exit 3) when the output cannot be written
     */
    public Report write(Report report, ImageStore pictures, SiteOutput out, Progress progress) {
        long start = System.nanoTime();
        try {
            String task = "Writing the report";
            copyPictures(pictures, out);
            CheckViews views = new CheckViews(report,
                    picture -> Files.isRegularFile(pictures.file(picture)));
            NeuronViews neurons = new NeuronViews(report, PictureSizes.in(pictures));
            int steps = pageCount(report, views, neurons) + 2;
            progress.update(task, 0, steps);
            Map<String, String> charts = Charts.write(report, views, out);
            out.write(LEGEND, PngFiles.encode(Legend.overlayBar(256, 14)));
            progress.update(task, 1, steps);
            out.write(CSS, resource("templates/" + CSS));
            Report written = report.withTiming("site", (System.nanoTime() - start) / 1e9);
            List<SitePage> pages = pages(written, views, neurons, charts);
            List<Page> nav = pages.stream().map(SitePage::page).filter(Page::inNav).toList();
            GlossaryLinks terms = new GlossaryLinks();
            for (int i = 0; i < pages.size(); i++) {
                String file = pages.get(i).page().file();
                out.writeString(file, terms.link(render(written, pages.get(i), nav), file));
                progress.update(task, 2 + i, steps);
            }
            return written;
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(out.location(), e);
        }
    }

    /**
     * Every page in the order they are written: the navigation's pages in its order (the neurons page only where a
     * model has a neuron analysis, the compare page only where the report compares two models), then the layer
     * pages.
     */
    private static List<SitePage> pages(Report report, CheckViews views, NeuronViews neurons,
                                        Map<String, String> charts) {
        Findings findings = Findings.of(report, views);
        List<SitePage> pages = new ArrayList<>(List.of(new OverviewPage(report, views, findings),
                new ModelCardPage(report, views, findings), new ChecksPage(views),
                new ClassesPage(report, charts), new GalleryPage(report, views), new MethodsPage(report, views)));
        if (NeuronViews.any(report)) {
            pages.add(new NeuronsPage(neurons));
        }
        if (report.compares()) {
            pages.add(new ComparePage(report, views));
        }
        pages.add(new GlossaryPage());
        pages.add(new AboutPage(report));
        views.sections().forEach(s -> pages.add(new CheckPage(s)));
        pages.addAll(neurons.layerPages());
        return pages;
    }

    private static int pageCount(Report report, CheckViews views, NeuronViews neurons) {
        return 8 + (NeuronViews.any(report) ? 1 : 0) + (report.compares() ? 1 : 0) + views.sections().size()
                + neurons.layerPages().size();
    }

    /** One page as HTML: what every page shares, then the page's own variables. */
    private String render(Report report, SitePage view, List<Page> nav) {
        Page page = view.page();
        Context context = new Context(Locale.ROOT);
        context.setVariable("report", report);
        context.setVariable("pageTitle", page.title());
        context.setVariable("generatedAt", DateTimeFormatter.ISO_INSTANT.format(report.generatedAt()));
        context.setVariable("version", report.version());
        List<PageLink> links = new ArrayList<>();
        List<PageLink> crumbs = new ArrayList<>();
        for (Page p : nav) {
            links.add(new PageLink(p.file(), p.title(), p.file().equals(page.navFile())));
            if (!page.inNav() && p.file().equals(page.navFile())) {
                crumbs.add(new PageLink(p.file(), p.title(), false));
            }
        }
        context.setVariable("nav", links);
        context.setVariable("crumbs", crumbs);
        context.setVariable("css", CSS);
        context.setVariable("datasets", report.datasets());
        context.setVariable("models", report.models());
        view.variables().forEach(context::setVariable);
        return templates.process(page.template(), context);
    }

    /** Copies the store's pictures to {@code img/}, leaving out the store's own hidden files. */
    private static void copyPictures(ImageStore pictures, SiteOutput out) throws IOException {
        Path folder = pictures.folder();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(p).toString().replace('\\', '/');
                if (!p.getFileName().toString().startsWith(".")) {
                    out.copy(ImageStore.PREFIX + relative, p);
                }
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SiteWriter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }
}
