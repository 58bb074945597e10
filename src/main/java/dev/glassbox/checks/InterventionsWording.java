package dev.glassbox.checks;

import dev.glassbox.imaging.ImageStore;
import java.util.ArrayList;
import java.util.List;

/** What the interventions check's measurements mean, in plain words, with the pictures that show them. */
final class InterventionsWording {

    private final String model;
    private final String dataset;
    private final String name;

    /** @param name the class the images are of (quoted in the sentences, so that any name reads apart) */
    InterventionsWording(String model, String dataset, String name) {
        this.model = model;
        this.dataset = dataset;
        this.name = Words.quote(name);
    }

    String pass(EditTrial trial, double max, List<String> notes) {
        int worst = trial.worst();
        return "No edit that should not matter changed many answers on " + name + " images. The most was "
                + Words.pct(trial.rate(worst)) + " of " + trial.size() + " in " + dataset + ", by "
                + describe(trial.edits.get(worst)) + "; the maximum is " + Words.pct(max) + "."
                + (notes.isEmpty() ? "" : " " + capitalized(String.join("; ", notes)) + ".");
    }

    /** One sentence per edit named (most changes first), with what it means and what to do. */
    String problem(EditTrial trial, List<Integer> named, double max, boolean onlyWarns) {
        List<String> sentences = new ArrayList<>();
        for (int e : named) {
            Edit edit = trial.edits.get(e);
            String corner = "";
            if (edit == Edit.CORNERS) {
                int best = trial.worstVariant(e);
                corner = " (most often the " + trial.variants.get(best).label() + " corner, "
                        + Words.pct((double) trial.variantChanges[best] / trial.size()) + ")";
            }
            sentences.add("When " + when(edit) + ", " + model + " changed its answer for " + Words.pct(trial.rate(e))
                    + " of them" + corner + ". " + meaning(edit));
        }
        return String.join(" ", sentences) + " (" + trial.size() + " " + name + " images of " + dataset
                + "; the maximum is " + Words.pct(max) + ".)"
                + (onlyWarns ? " With " + trial.size() + " images the 95% interval still reaches the maximum, so this"
                + " is not sure yet: edit more images to know." : "");
    }

    /** For each edit named, an image before and after the edit that changed the answer. */
    List<Evidence> evidence(CheckContext context, EditTrial trial, List<Integer> named) {
        List<Evidence> evidence = new ArrayList<>();
        for (int e : named) {
            if (trial.example[e] == null) {
                continue;
            }
            int i = trial.example[e][0];
            int v = trial.example[e][1];
            Edit edit = trial.edits.get(e);
            String base = "edit-" + ImageStore.slug(dataset) + "-" + ImageStore.slug(name) + "-" + edit.id();
            String before = trial.data.classes().get(trial.answers[i]);
            String after = trial.data.classes().get(trial.answers[trial.editedRow(i, v)]);
            evidence.add(new Evidence(context.picture(base + "-before", trial.data, trial.pixels[i]), "Before: "
                    + trial.data.files().get(trial.indices[i]) + ", a " + name + " image; " + model + " answered "
                    + before + "."));
            evidence.add(new Evidence(context.picture(base + "-after", trial.data, trial.pixels[trial.editedRow(i, v)]),
                    "After " + describe(edit) + (edit.variants().size() > 1 ? " (" + trial.variants.get(v).label()
                            + ")" : "") + ": " + model + " answered " + after + "."));
        }
        return evidence;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String describe(Edit edit) {
        return switch (edit) {
            case BACKGROUND -> "recolouring the background";
            case CORNERS -> "a patch over a corner";
            case FLIP -> "mirroring";
            case BRIGHTNESS -> "making it 20% brighter or darker";
            case GRAYSCALE -> "turning it gray";
        };
    }

    private String when(Edit edit) {
        return switch (edit) {
            case BACKGROUND -> "only the background of " + name + " images was recoloured";
            case CORNERS -> "a small patch covered a corner of " + name + " images";
            case FLIP -> name + " images were mirrored";
            case BRIGHTNESS -> name + " images were made 20% brighter or darker";
            case GRAYSCALE -> name + " images were turned gray";
        };
    }

    private String meaning(Edit edit) {
        return switch (edit) {
            case BACKGROUND -> "It uses the background's colour to know " + name + ". Retrain on " + name
                    + " images with varied backgrounds.";
            case CORNERS -> "It uses what is in the corners of " + name + " images (a tag, a watermark, a"
                    + " border) to know them. Look for a mark that many " + name + " training images share,"
                    + " and remove it or put it on every class.";
            case FLIP -> "Its answer depends on which way " + name + " images face. If mirrored " + name
                    + " images are still " + name + ", train with mirrored copies.";
            case BRIGHTNESS -> "A change of light changes its answer for " + name + ". Train with brighter and"
                    + " darker copies.";
            case GRAYSCALE -> "It relies on colour to know " + name + ". If " + name + " can come in any"
                    + " colour, train on more varied colours.";
        };
    }
}
