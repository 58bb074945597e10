package dev.glassbox.report.site;

import dev.glassbox.featurevis.ClassPicture;
import dev.glassbox.featurevis.ClassReliance;
import dev.glassbox.featurevis.GroupExample;
import dev.glassbox.featurevis.LayerGroups;
import dev.glassbox.report.ModelReport;
import dev.glassbox.featurevis.NeuronGroup;
import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The neuron analysis as the pages show it, built once per site: the neurons page (one section per model) and one
 * page per (model, layer), {@code neurons-m0-conv2.html}, which the navigation leaves out and which mark "Neurons"
 * as the current page.
 */
final class NeuronViews {

    static final String PAGE = "neurons.html";
    static final String LAYER_TEMPLATE = "neuron-layer";
    /** Longest slug of a layer in a file name, so a long layer name cannot make a file name the disk refuses. */
    private static final int SLUG_LENGTH = 60;
    /** The classes a card lists; the rest are in summary.json. */
    private static final int CLASSES_SHOWN = 5;
    private static final int CLASS_PICTURE = 128;
    private static final int GROUP_PICTURE = 160;
    private static final int EXAMPLE = 72;

    private final List<NeuronSection> sections;
    private final List<LayerPage> layers;

    /** @param sizes the size of each picture the site holds; one it does not hold is named in words instead */
    NeuronViews(Report report, PictureSizes sizes) {
        List<NeuronSection> s = new ArrayList<>();
        List<LayerPage> l = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            String id = "m" + mi;
            NeuronReport n = m.neurons();
            if (n.isEmpty()) {
                s.add(new NeuronSection(id, m.name(), "The neurons of this model were not examined.", "",
                        List.of(), List.of()));
                continue;
            }
            List<NeuronSection.ClassCard> classes = n.classPictures().stream()
                    .map(c -> classCard(c, sizes)).toList();
            List<NeuronSection.LayerLink> links = new ArrayList<>();
            Set<String> files = new HashSet<>();
            for (LayerGroups layer : n.layers()) {
                String file = layerFile(mi, layer.layer(), files);
                links.add(new NeuronSection.LayerLink(file, layer.layer(), layerSummary(layer)));
                l.add(new LayerPage(new Page(file, LAYER_TEMPLATE, layer.layer() + " · " + m.name(), PAGE),
                        layerPage(m.name(), layer, PAGE + "#" + id, sizes)));
            }
            s.add(new NeuronSection(id, m.name(), "", NeuronSentences.steps(n.steps()), classes, links));
        }
        this.sections = List.copyOf(s);
        this.layers = List.copyOf(l);
    }

    /** Whether any model has a neuron analysis, so the site has a neurons page. */
    static boolean any(Report report) {
        return report.models().stream().anyMatch(m -> !m.neurons().isEmpty());
    }

    /** The neurons page's sections, one per model in report order. */
    List<NeuronSection> sections() {
        return sections;
    }

    /** The layer pages, in model then network order. */
    List<LayerPage> layerPages() {
        return layers;
    }

    /**
     * {@code neurons-m0-conv2.html}: the layer name made file-safe (ASCII letters, digits and dashes) and, where two
     * layers of the model come out the same, numbered.
     */
    static String layerFile(int model, String layer, Set<String> taken) {
        String slug = CheckViews.asciiId(layer);
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        String file = "neurons-m" + model + "-" + slug + ".html";
        for (int n = 2; !taken.add(file); n++) {
            file = "neurons-m" + model + "-" + slug + "-" + n + ".html";
        }
        return file;
    }

    private static String layerSummary(LayerGroups layer) {
        String groups = CheckViews.count(layer.groups().size(), "group");
        return Double.isFinite(layer.explained())
                ? groups + " reproducing " + Sentences.percent(layer.explained()) + " of its activity"
                : groups;
    }

    private static NeuronSection.ClassCard classCard(ClassPicture c, PictureSizes sizes) {
        NeuronPicture picture = NeuronPicture.fit(c.picture(), sizes.of(c.picture()), CLASS_PICTURE,
                "Picture optimized to raise the model's score for " + c.className(), "");
        return new NeuronSection.ClassCard(c.className(), picture,
                NeuronSentences.classReached(c.reached(), c.objective(), c.datasetMax()),
                NeuronSentences.classReachedNote(c.reached()));
    }

    private static NeuronLayerPage layerPage(String model, LayerGroups layer, String back, PictureSizes sizes) {
        List<NeuronLayerPage.GroupCard> cards = new ArrayList<>();
        for (NeuronGroup g : layer.groups()) {
            cards.add(groupCard(layer.layer(), g, sizes));
        }
        return new NeuronLayerPage(model, layer.layer(), layer.shape(), layer.channels(),
                NeuronSentences.sampled(layer.images(), layer.positions()),
                Double.isFinite(layer.explained()) ? Sentences.percent(layer.explained()) : "—",
                NeuronSentences.explained(layer.groups().size(), layer.explained()), back, cards);
    }

    private static NeuronLayerPage.GroupCard groupCard(String layer, NeuronGroup g, PictureSizes sizes) {
        NeuronPicture picture = NeuronPicture.fit(g.picture(), sizes.of(g.picture()), GROUP_PICTURE,
                "Picture optimized to make group " + g.index() + " of layer " + layer + " as active as possible",
                "");
        List<NeuronPicture> examples = g.examples().stream().map(e -> example(e, sizes)).toList();
        List<ClassReliance> shown = mostReliant(g.classes());
        List<NeuronLayerPage.Reliance> rows = shown.stream().map(NeuronViews::reliance).toList();
        int hidden = g.classes().size() - shown.size();
        String more = hidden <= 0 ? "" : (hidden == 1 ? "1 more class leans" : hidden + " more classes lean")
                + " on it less; summary.json lists them all.";
        boolean shortcut = Double.isFinite(g.offObject()) && g.offObject() >= NeuronSentences.SHORTCUT_SHARE;
        return new NeuronLayerPage.GroupCard("g" + g.index(), g.index(), picture, g.caption(),
                NeuronSentences.groupReached(g.reached(), g.objective(), g.datasetMax()),
                NeuronSentences.groupReachedNote(g.reached()), examples, NeuronSentences.reliance(g.classes()),
                rows, more, g.notes(), NeuronSentences.offObject(g.offObject()), shortcut,
                NeuronSentences.channels(g.topChannels()));
    }

    private static NeuronPicture example(GroupExample e, PictureSizes sizes) {
        String title = e.dataset() + " · " + e.file() + " · labelled " + e.trueClass() + " · activation "
                + Sentences.figure(e.activation());
        return NeuronPicture.fit(e.picture(), sizes.of(e.picture()), EXAMPLE, e.file() + " from " + e.dataset()
                + ", labelled " + e.trueClass() + ", with the group's activation drawn over it", title);
    }

    /** The classes whose evidence the group sways most, either way, the most reliant first. */
    private static List<ClassReliance> mostReliant(List<ClassReliance> classes) {
        Comparator<ClassReliance> bySize = Comparator.comparingDouble(c -> Double.isFinite(c.share())
                ? -Math.abs(c.share()) : 0);
        Comparator<ClassReliance> byShare = Comparator.comparingDouble(c -> Double.isFinite(c.share())
                ? -c.share() : Double.MAX_VALUE);
        return classes.stream().sorted(bySize).limit(CLASSES_SHOWN).sorted(byShare).toList();
    }

    /** A class's row; its bar is as long as its share of the class's evidence, whichever way it pulls. */
    private static NeuronLayerPage.Reliance reliance(ClassReliance c) {
        double width = Double.isFinite(c.share()) ? Math.min(100, 100 * Math.abs(c.share())) : 0;
        return new NeuronLayerPage.Reliance(c.className(), Sentences.figure(c.contribution()),
                NeuronSentences.signedPercent(c.share()),
                "w" + 5 * Math.round(width / 5), c.share() < 0);
    }
}
