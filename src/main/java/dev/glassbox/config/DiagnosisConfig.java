package dev.glassbox.config;

import dev.glassbox.attribution.AttributionMethods;
import java.util.List;

/**
 * The config's {@code diagnosis:}: whether the battery diagnoses its models (candidate cues, transplant tests, ranked
 * problems), and with how many pictures. Every key is optional.
 *
 * @param enabled           whether it runs (default true)
 * @param imagesPerClass    pictures of each class whose cues are removed and taken for transplants (default 20)
 * @param transplantImages  pictures of other classes each class's cues are put into (default 30)
 * @param attributionImages pictures of each class whose attribution maps are averaged (default 8; 0 for none)
 * @param method            the attribution method of those maps, or null for saliency (or the first method the
 *                          sanity check trusts)
 * @param deployment        the data set whose wrong answers count as harm, or null for the one the models do worst on
 * @param minRecall         a class whose recall's interval lies below this is weak; null for the class-recall check's
 *                          min (0.8 without that check)
 * @param maxFlipRate       an edit changing more than this share of right answers in most classes is a fragility;
 *                          null for the interventions check's max-flip-rate (0.2 without that check)
 * @param falseDiscovery    the false-discovery rate of the tests that find a class's cues (default 0.05)
 */
public record DiagnosisConfig(boolean enabled, int imagesPerClass, int transplantImages, int attributionImages,
                              String method, String deployment, Double minRecall, Double maxFlipRate,
                              double falseDiscovery) {

    /** The keys of {@code diagnosis:}. */
    public static final List<String> KEYS = List.of("enabled", "images-per-class", "transplant-images",
            "attribution-images", "method", "deployment", "min-recall", "max-flip-rate", "false-discovery");

    public static final DiagnosisConfig DEFAULT = new DiagnosisConfig(true, 20, 30, 8, null, null, null, null, 0.05);

    static DiagnosisConfig read(ConfigNode node, List<DataSet> data) {
        if (node.isAbsent()) {
            return DEFAULT;
        }
        node.entries(KEYS, "diagnosis takes");
        boolean enabled = !node.get("enabled").isPresent() || node.get("enabled").flag();
        int perClass = whole(node, "images-per-class", 1, 100000, DEFAULT.imagesPerClass());
        int transplant = whole(node, "transplant-images", 1, 100000, DEFAULT.transplantImages());
        int attribution = whole(node, "attribution-images", 0, 10000, DEFAULT.attributionImages());
        String method = null;
        ConfigNode m = node.get("method");
        if (m.isPresent()) {
            method = ConfigNode.folded(m.name());
            if (!AttributionMethods.names().contains(method)) {
                throw m.error("'" + m.path() + "' is not an attribution method" + DidYouMean.hint(method,
                        AttributionMethods.names()) + " (methods: " + String.join(", ", AttributionMethods.names())
                        + ")");
            }
        }
        String deployment = null;
        ConfigNode d = node.get("deployment");
        if (d.isPresent()) {
            deployment = d.name();
            List<String> names = data.stream().map(DataSet::name).toList();
            if (!names.contains(deployment)) {
                throw d.error("'" + d.path() + "' names no data set" + DidYouMean.hint(deployment, names)
                        + " (data sets: " + String.join(", ", names) + ")");
            }
        }
        Double minRecall = node.get("min-recall").isPresent() ? node.get("min-recall").number(0, 1) : null;
        Double maxFlip = node.get("max-flip-rate").isPresent() ? node.get("max-flip-rate").number(0, 1) : null;
        double fdr = node.get("false-discovery").isPresent() ? node.get("false-discovery").number(0.0001, 0.5)
                : DEFAULT.falseDiscovery();
        return new DiagnosisConfig(enabled, perClass, transplant, attribution, method, deployment, minRecall, maxFlip,
                fdr);
    }

    private static int whole(ConfigNode node, String key, int min, int max, int fallback) {
        ConfigNode n = node.get(key);
        return n.isPresent() ? (int) n.wholeNumber(min, max) : fallback;
    }
}
