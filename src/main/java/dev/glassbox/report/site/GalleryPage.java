package dev.glassbox.report.site;

import dev.glassbox.report.DatasetSummary;
import dev.glassbox.report.GalleryMap;
import dev.glassbox.report.GallerySample;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gallery.html}: per model, data set and class, images it got right and wrong with each method's map, and a
 * warning near the top for methods the sanity check found untrustworthy.
 */
record GalleryPage(Report report, CheckViews views) implements SitePage {

    static final Page PAGE = new Page("gallery.html", "gallery", "Gallery");

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        Map<String, Object> v = new HashMap<>();
        v.put("sections", sections());
        v.put("untrusted", views.untrusted());
        return v;
    }

    /** The methods the gallery shows, in its order. */
    static List<String> methods(Report report) {
        return report.models().stream().flatMap(m -> m.gallery().stream()).findFirst()
                .map(s -> s.maps().stream().map(GalleryMap::method).toList())
                .orElse(List.of());
    }

    private List<GallerySection> sections() {
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
                            (s.outcome() == GallerySample.Outcome.CORRECT ? correct : wrong)
                                    .add(card(s, untrusted(m.name())));
                        }
                    }
                    String quoted = ProblemWording.quote(c);
                    boolean none = d.missingClasses().contains(c);
                    classes.add(new GallerySection.ClassGallery(c, correct, wrong,
                            none ? d.name() + " has no pictures of " + quoted + "."
                                    : correct.isEmpty() ? "The model got no " + quoted + " picture right." : "",
                            none || !wrong.isEmpty() ? "" : "The model got every " + quoted + " picture right."));
                }
                sections.add(new GallerySection(Page.sectionId(mi, di), m.name(), d.name(), classes));
            }
        }
        return sections;
    }

    /** The methods the sanity check found untrustworthy for a model. */
    private List<String> untrusted(String model) {
        return views.untrusted().stream().filter(u -> u.model().equals(model)).map(Untrusted::method).toList();
    }

    static GallerySection.Card card(GallerySample s, List<String> untrusted) {
        List<GallerySection.Map> maps = s.maps().stream().map(m -> new GallerySection.Map(m.method(), m.picture(),
                m.method() + " map of " + s.file() + " for the answer " + s.predictedClass())).toList();
        return new GallerySection.Card(s.picture(), "Image " + s.file() + ", labelled " + s.trueClass(), maps, s.file(),
                s.trueClass(), s.predictedClass(), Sentences.confidence(s.confidence()),
                s.outcome() == GallerySample.Outcome.CORRECT, MapSentences.of(s, untrusted));
    }
}
