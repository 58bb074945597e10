package dev.glassbox.report.site;

import dev.glassbox.report.GalleryMap;
import dev.glassbox.report.GallerySample;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sentence under each row of heatmaps, computed from the maps: where masks exist, the share of the weight on
 * the object against the share of the picture it covers; without them, the part of the picture the maps are
 * brightest in. Methods the sanity check found untrustworthy for the model are left out.
 */
final class MapSentences {

    private MapSentences() {}

    /** The sentence for one sample, or empty where no trusted map was measured. */
    static String of(GallerySample s, List<String> untrusted) {
        List<GalleryMap> maps = s.maps().stream().filter(m -> !untrusted.contains(m.method())).toList();
        if (maps.isEmpty()) {
            return "";
        }
        String shape = ProblemWording.quote(s.trueClass());
        double[] on = maps.stream().filter(m -> m.onObject() != null).mapToDouble(GalleryMap::onObject).toArray();
        if (on.length > 0 && s.objectArea() != null && s.objectArea() > 0) {
            // the weight on the object against the share of the picture it covers: what looking at random would give
            double median = median(on);
            double ratio = median / s.objectArea();
            String head = (on.length == 1 ? "The heatmap puts " : "The heatmaps put ") + (ratio < 1 ? "only " : "")
                    + Sentences.percent(median) + (on.length == 1 ? " of its" : " of their") + " weight on the "
                    + shape + ", which covers " + Sentences.percent(s.objectArea()) + " of the picture: ";
            if (median >= 0.5) {
                return head + "the model looked at the shape.";
            }
            return head + (ratio >= 1.5 ? "more than its share, but much lies around it."
                    : ratio >= 1 ? "about its share; the background drew as much." : "the model looked more at the"
                    + " background.");
        }
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Double> shares = new HashMap<>();
        for (GalleryMap m : maps) {
            if (!m.peak().isEmpty()) {
                votes.merge(m.peak(), 1, Integer::sum);
                shares.merge(m.peak(), m.peakShare(), Double::sum);
            }
        }
        if (votes.isEmpty()) {
            return "";
        }
        String region = votes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).findFirst().orElseThrow().getKey();
        int n = votes.get(region);
        String where = region.equals("centre") ? "in the centre" : "at the " + region;
        String most = n == maps.size() ? (maps.size() == 1 ? "The heatmap is" : "All heatmaps are")
                : n + " of the " + maps.size() + " heatmaps are";
        return most + " brightest " + where + ", with " + Sentences.percent(shares.get(region) / n)
                + " of their weight there" + (region.equals("centre") ? "." : ", away from the middle.");
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
