package dev.glassbox.checks;

import dev.glassbox.imaging.ImageStore;
import static dev.glassbox.checks.CheckParameter.choices;
import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often an edit that should not matter changes the model's answer, per class and edit: the background
 * recoloured, a patch over each corner, the mirror image, brighter and darker, grayscale.
 */
public final class InterventionsCheck implements Check {

    /** The edits, in the order the check reports them. */
    public static final List<String> EDITS = List.of("background", "corners", "flip", "brightness", "grayscale");

    static final CheckDefinition DEFINITION = new CheckDefinition("interventions", "Edits that should not matter",
            "How often the model changes its answer when an image is edited in a way that does not change what it"
                    + " shows: the background recoloured (the opposite colour at the same brightness; needs"
                    + " masks), a small patch over a corner, the mirror image, 20% brighter or darker, and grayscale."
                    + " A class fails when an edit changes more of its answers than the maximum, and warns above half"
                    + " of it.",
            List.of(number("max-flip-rate", 0, 1, 0.2, "the largest acceptable share of answers an edit may change"),
                    integer("images-per-class", 1, 100000, 50, "images of each class edited, a seeded sample"),
                    choices("edits", EDITS, "the edits to make")));

    private static final String[] CORNERS = {"top-left", "top-right", "bottom-left", "bottom-right"};

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    /** One edited copy of an image: which edit made it, which variant ("top-left", "darker"). */
    private record Variant(int edit, String label) {}

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double max = settings.number("max-flip-rate");
        int perClass = settings.integer("images-per-class");
        List<String> edits = settings.choices("edits");
        List<CheckResult> out = new ArrayList<>();
        String model = context.modelName();
        for (int di = 0; di < context.datasets().size(); di++) {
            DatasetRun run = context.datasets().get(di);
            LabelledImages data = run.data();
            int channels = data.input().channels();
            List<String> active = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (String e : edits) {
                if (e.equals("background") && !data.hasMasks()) {
                    notes.add("the background was not recoloured: " + run.name() + " has no masks");
                } else if ((e.equals("background") || e.equals("grayscale")) && channels != 3) {
                    notes.add("no " + (e.equals("grayscale") ? "grayscale" : "background colour") + " edit: the images"
                            + " are not colour images");
                } else {
                    active.add(e);
                }
            }
            int[][] sample = Sampling.perClass(data.labels(), data.classes().size(), perClass,
                    context.seed() + 31L * di);
            String task = "Edits on " + model + " with " + run.name();
            context.progress().update(task, 0, data.classes().size());
            for (int c = 0; c < data.classes().size(); c++) {
                out.add(classResult(context, run, c, sample[c], active, notes, max));
                context.progress().update(task, c + 1, data.classes().size());
            }
        }
        return out;
    }

    private CheckResult classResult(CheckContext context, DatasetRun run, int c, int[] indices, List<String> edits,
                                    List<String> notes, double max) {
        LabelledImages data = run.data();
        String model = context.modelName();
        String name = data.classes().get(c);
        int n = indices.length;
        if (n == 0 || edits.isEmpty()) {
            return new CheckResult(DEFINITION.id(), model, run.name(), name, null, CheckStatus.SKIPPED, null, max,
                    n == 0 ? run.name() + " has no " + name + " images, so no edits were tried on them."
                            : "No edit applies to " + run.name() + " (" + String.join("; ", notes) + ").",
                    List.of(), Map.of(), List.of());
        }
        int h = data.input().height();
        int w = data.input().width();
        int ch = data.input().channels();
        float[][] pixels = context.pixels(data, indices);
        float[][] masks = edits.contains("background") ? context.masks(data, indices) : null;
        List<Variant> variants = new ArrayList<>();
        for (int e = 0; e < edits.size(); e++) {
            switch (edits.get(e)) {
                case "corners" -> {
                    for (String corner : CORNERS) {
                        variants.add(new Variant(e, corner));
                    }
                }
                case "brightness" -> {
                    variants.add(new Variant(e, "brighter"));
                    variants.add(new Variant(e, "darker"));
                }
                default -> variants.add(new Variant(e, edits.get(e)));
            }
        }
        float[][] all = new float[n * (variants.size() + 1)][];
        for (int i = 0; i < n; i++) {
            all[i] = pixels[i];
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                all[n * (v + 1) + i] = switch (edits.get(variant.edit())) {
                    case "background" -> Edits.recolourBackground(pixels[i], masks[i], h, w);
                    case "corners" -> Edits.patchCorner(pixels[i], ch, h, w,
                            java.util.Arrays.asList(CORNERS).indexOf(variant.label()));
                    case "flip" -> Edits.mirror(pixels[i], ch, h, w);
                    case "brightness" -> Edits.brightness(pixels[i],
                            variant.label().equals("brighter") ? 1 + Edits.BRIGHTNESS : 1 - Edits.BRIGHTNESS);
                    case "grayscale" -> Edits.grayscale(pixels[i], h, w);
                    default -> throw new IllegalStateException(edits.get(variant.edit()));
                };
            }
        }
        int[] answers = context.predict(context.modelInput(data, all));
        boolean[][] changed = new boolean[edits.size()][n];
        int[] variantChanges = new int[variants.size()];
        int[][] example = new int[edits.size()][];
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
        Map<String, Double> details = new LinkedHashMap<>();
        double worstRate = -1;
        int worst = 0;
        double[] rates = new double[edits.size()];
        for (int e = 0; e < edits.size(); e++) {
            int count = 0;
            for (boolean b : changed[e]) {
                count += b ? 1 : 0;
            }
            double rate = (double) count / n;
            rates[e] = rate;
            details.put("flip-rate " + edits.get(e), rate);
            if (rate > worstRate) {
                worstRate = rate;
                worst = e;
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            if (!variants.get(v).label().equals(edits.get(variants.get(v).edit()))) {
                details.put("flip-rate " + variants.get(v).label(), (double) variantChanges[v] / n);
            }
        }
        CheckStatus status = worstRate > max ? CheckStatus.FAIL
                : worstRate > max / 2 ? CheckStatus.WARN : CheckStatus.PASS;
        String edit = edits.get(worst);
        // every edit over the maximum, the worst first (or the worst alone when it only warns)
        List<Integer> named = new ArrayList<>();
        for (int e = 0; e < edits.size(); e++) {
            if (rates[e] > max) {
                named.add(e);
            }
        }
        if (named.isEmpty()) {
            named.add(worst);
        }
        named.sort((a, b) -> Double.compare(rates[b], rates[a]));
        String finding;
        if (status == CheckStatus.PASS) {
            finding = "No edit that should not matter changed many answers on " + name + " images: the most, "
                    + Words.pct(worstRate) + " of " + n + " in " + run.name() + ", by " + describe(edit) + " (the"
                    + " maximum is " + Words.pct(max) + ")" + (notes.isEmpty() ? "." : "; " + String.join("; ", notes)
                    + ".");
        } else {
            List<String> sentences = new ArrayList<>();
            for (int e : named) {
                String corner = "";
                if (edits.get(e).equals("corners")) {
                    int best = -1;
                    for (int v = 0; v < variants.size(); v++) {
                        if (variants.get(v).edit() == e && (best < 0 || variantChanges[v] > variantChanges[best])) {
                            best = v;
                        }
                    }
                    corner = " (most often the " + variants.get(best).label() + " corner, " + Words.pct(
                            (double) variantChanges[best] / n) + ")";
                }
                sentences.add("When " + whenText(edits.get(e), name) + ", " + model + " changed its answer for "
                        + Words.pct(rates[e]) + " of them" + corner + ": " + meaning(edits.get(e), name, model));
            }
            finding = String.join(" ", sentences) + " (" + n + " " + name + " images of " + run.name()
                    + "; the maximum is " + Words.pct(max) + ".)"
                    + (status == CheckStatus.WARN ? " This is under the maximum but worth a look." : "");
        }
        List<Evidence> evidence = new ArrayList<>();
        for (int e : status == CheckStatus.PASS ? List.<Integer>of() : named) {
            if (example[e] == null) {
                continue;
            }
            int i = example[e][0];
            int v = example[e][1];
            String base = "edit-" + ImageStore.slug(run.name()) + "-" + ImageStore.slug(name) + "-"
                    + edits.get(e);
            String before = data.classes().get(answers[i]);
            String after = data.classes().get(answers[n * (v + 1) + i]);
            evidence.add(new Evidence(context.picture(base + "-before", data, pixels[i]), "Before: "
                    + data.files().get(indices[i]) + ", a " + name + " image; " + model + " answered " + before + "."));
            evidence.add(new Evidence(context.picture(base + "-after", data, all[n * (v + 1) + i]), "After "
                    + describe(edits.get(e)) + (edits.get(e).equals("corners") || edits.get(e).equals("brightness")
                    ? " (" + variants.get(v).label() + ")" : "") + ": " + model + " answered " + after + "."));
        }
        return new CheckResult(DEFINITION.id(), model, run.name(), name, null, status, worstRate, max, finding,
                evidence, details, List.of());
    }

    private static String describe(String edit) {
        return switch (edit) {
            case "background" -> "recolouring the background";
            case "corners" -> "a patch over a corner";
            case "flip" -> "mirroring";
            case "brightness" -> "making it 20% brighter or darker";
            case "grayscale" -> "turning it gray";
            default -> edit;
        };
    }

    private static String whenText(String edit, String name) {
        return switch (edit) {
            case "background" -> "only the background of " + name + " images was recoloured";
            case "corners" -> "a small patch covered a corner of " + name + " images";
            case "flip" -> name + " images were mirrored";
            case "brightness" -> name + " images were made 20% brighter or darker";
            case "grayscale" -> name + " images were turned gray";
            default -> name + " images were edited (" + edit + ")";
        };
    }

    private static String meaning(String edit, String name, String model) {
        return switch (edit) {
            case "background" -> "it uses the background's colour to recognise " + name + ". Retrain on " + name
                    + " images with varied backgrounds.";
            case "corners" -> "it uses what is in the corners of " + name + " images (a tag, a watermark, a"
                    + " border) to recognise them. Look for a mark that many " + name + " training images share,"
                    + " and remove it or put it on every class.";
            case "flip" -> "its answer depends on which way " + name + " images face. If mirrored " + name
                    + " images are still " + name + ", train with mirrored copies.";
            case "brightness" -> "a change of lighting changes its answer for " + name + ". Train with brightness"
                    + " variations.";
            case "grayscale" -> "it relies on colour to recognise " + name + ". If " + name + " can come in any"
                    + " colour, train on more varied colours.";
            default -> model + " is sensitive to this edit.";
        };
    }
}
