package dev.glassbox.checks;

import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the edits did to the answers for a sample of one class's images: for each edit and variant, which answers
 * changed, and an example of a change. Measurement only; {@link InterventionsWording} says what it means.
 */
final class EditTrial {

    /** One edited copy of every image: which edit made it, which of its variants. */
    record Variant(int edit, int index, String label) {}

    final LabelledImages data;
    final int[] indices;
    final List<Edit> edits;
    final List<Variant> variants;
    /** The images in pixel values, then each variant's edited copies, {@code n} per variant. */
    final float[][] pixels;
    /** The answer for each row of {@link #pixels}. */
    final int[] answers;
    /** Per edit, per image: whether any of its variants changed the answer. */
    final boolean[][] changed;
    /** Per variant, how many answers it changed. */
    final int[] variantChanges;
    /** Per edit, the first change found: {image, variant}, or null when it changed none. */
    final int[][] example;

    private EditTrial(LabelledImages data, int[] indices, List<Edit> edits, List<Variant> variants, float[][] pixels,
                      int[] answers) {
        this.data = data;
        this.indices = indices;
        this.edits = edits;
        this.variants = variants;
        this.pixels = pixels;
        this.answers = answers;
        int n = indices.length;
        changed = new boolean[edits.size()][n];
        variantChanges = new int[variants.size()];
        example = new int[edits.size()][];
        for (int v = 0; v < variants.size(); v++) {
            int e = variants.get(v).edit();
            for (int i = 0; i < n; i++) {
                if (answers[n * (v + 1) + i] != answers[i]) {
                    changed[e][i] = true;
                    variantChanges[v]++;
                    if (example[e] == null) {
                        example[e] = new int[] {i, v};
                    }
                }
            }
        }
    }

    /** Edits the images at {@code indices} with every variant of every edit and asks the model about all of them. */
    static EditTrial run(CheckContext context, LabelledImages data, int[] indices, List<Edit> edits) {
        int n = indices.length;
        int h = data.input().height();
        int w = data.input().width();
        int ch = data.input().channels();
        float[][] originals = context.pixels(data, indices);
        float[][] masks = edits.contains(Edit.BACKGROUND) ? context.masks(data, indices) : null;
        List<Variant> variants = new ArrayList<>();
        for (int e = 0; e < edits.size(); e++) {
            List<String> labels = edits.get(e).variants();
            for (int k = 0; k < labels.size(); k++) {
                variants.add(new Variant(e, k, labels.get(k)));
            }
        }
        float[][] all = new float[n * (variants.size() + 1)][];
        for (int i = 0; i < n; i++) {
            all[i] = originals[i];
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                all[n * (v + 1) + i] = edits.get(variant.edit()).apply(originals[i], masks == null ? null : masks[i],
                        ch, h, w, variant.index());
            }
        }
        int[] answers = context.predict(context.modelInput(data, all));
        for (int v = 0; v < variants.size(); v++) {
            for (int i = 0; i < n; i++) {
                context.editAnswers().remember(data.name(), indices[i], edits.get(variants.get(v).edit()),
                        variants.get(v).index(), answers[n * (v + 1) + i]);
            }
        }
        return new EditTrial(data, indices, edits, variants, all, answers);
    }

    int size() {
        return indices.length;
    }

    /** How many answers edit {@code e} (any of its variants) changed. */
    int changes(int e) {
        int count = 0;
        for (boolean b : changed[e]) {
            count += b ? 1 : 0;
        }
        return count;
    }

    /** The share of answers edit {@code e} (any of its variants) changed. */
    double rate(int e) {
        return (double) changes(e) / size();
    }

    /** The edit that changed the most answers (the first of equal ones). */
    int worst() {
        int worst = 0;
        for (int e = 1; e < edits.size(); e++) {
            if (rate(e) > rate(worst)) {
                worst = e;
            }
        }
        return worst;
    }

    /** The edits that changed more than {@code max} of the answers, most first; the worst alone when none did. */
    List<Integer> over(double max) {
        List<Integer> named = new ArrayList<>();
        for (int e = 0; e < edits.size(); e++) {
            if (rate(e) > max) {
                named.add(e);
            }
        }
        if (named.isEmpty()) {
            named.add(worst());
        }
        named.sort((a, b) -> Double.compare(rate(b), rate(a)));
        return named;
    }

    /** The variant of edit {@code e} that changed the most answers. */
    int worstVariant(int e) {
        int best = -1;
        for (int v = 0; v < variants.size(); v++) {
            if (variants.get(v).edit() == e && (best < 0 || variantChanges[v] > variantChanges[best])) {
                best = v;
            }
        }
        return best;
    }

    /** "flip-rate EDIT" for every edit, then "flip-rate VARIANT" for the variants of edits that have several. */
    Map<String, Double> details() {
        Map<String, Double> details = new LinkedHashMap<>();
        for (int e = 0; e < edits.size(); e++) {
            details.put("flip-rate " + edits.get(e).id(), rate(e));
        }
        for (int v = 0; v < variants.size(); v++) {
            if (!variants.get(v).label().equals(edits.get(variants.get(v).edit()).id())) {
                details.put("flip-rate " + variants.get(v).label(), (double) variantChanges[v] / size());
            }
        }
        return details;
    }

    /** The row of {@link #pixels} holding image {@code i} edited by variant {@code v}. */
    int editedRow(int i, int v) {
        return size() * (v + 1) + i;
    }
}
