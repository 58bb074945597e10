package dev.glassbox.battery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * While predictions stream past, keeps per true class the {@code k} most confident correct and the {@code k} most
 * confident wrong ones (with the image itself, so nothing is read twice). Ties go to the earlier image, so the
 * choice depends only on the data. Memory: at most {@code 2 k} images per class.
 */
final class GalleryPicks {

    /** One kept prediction. */
    record Pick(int index, int trueClass, int predicted, double confidence, float[] example) {}

    private static final Comparator<Pick> BEST_FIRST =
            Comparator.comparingDouble(Pick::confidence).reversed().thenComparingInt(Pick::index);

    private final int k;
    private final List<List<Pick>> correct = new ArrayList<>();
    private final List<List<Pick>> wrong = new ArrayList<>();

    GalleryPicks(int classes, int k) {
        this.k = k;
        for (int c = 0; c < classes; c++) {
            correct.add(new ArrayList<>());
            wrong.add(new ArrayList<>());
        }
    }

    /** Whether a prediction would be kept; lets the caller copy the image only when needed. */
    boolean wants(int trueClass, int predicted, double confidence, int index) {
        if (k == 0) {
            return false;
        }
        List<Pick> kept = (trueClass == predicted ? correct : wrong).get(trueClass);
        if (kept.size() < k) {
            return true;
        }
        Pick last = kept.get(kept.size() - 1);
        return BEST_FIRST.compare(new Pick(index, trueClass, predicted, confidence, null), last) < 0;
    }

    void offer(Pick p) {
        if (!wants(p.trueClass(), p.predicted(), p.confidence(), p.index())) {
            return;
        }
        List<Pick> kept = (p.trueClass() == p.predicted() ? correct : wrong).get(p.trueClass());
        kept.add(p);
        kept.sort(BEST_FIRST);
        if (kept.size() > k) {
            kept.remove(kept.size() - 1);
        }
    }

    List<Pick> correct(int c) {
        return List.copyOf(correct.get(c));
    }

    List<Pick> wrong(int c) {
        return List.copyOf(wrong.get(c));
    }
}
