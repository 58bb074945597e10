package dev.glassbox.report.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Every technical term the report uses, in plain words, for {@code glossary.html}; {@link GlossaryLinks} links each
 * term's first use on every page to its entry. A term is found by its forms (whole words, any case, unless the term
 * is {@code exact}: "RISE" is a method, "rise" a verb).
 */
final class Glossary {

    static final String PAGE = "glossary.html";

    /**
     * One entry.
     *
     * @param id         its anchor on the glossary page
     * @param name       the term as the glossary heads it
     * @param definition what it means, in a sentence or three
     * @param forms      the words that name it in the pages' text
     * @param exact      whether the forms match only in their own case
     */
    record Term(String id, String name, String definition, List<String> forms, boolean exact) {

        String href() {
            return PAGE + "#" + id;
        }
    }

    private static final List<Term> TERMS = new ArrayList<>();

    static {
        add("accuracy", "Accuracy", "The share of pictures for which the model's answer matches the label.",
                "accuracy");
        add("recall", "Recall", "Of the pictures of one class, the share the model named right. Low recall means"
                + " the model misses that class.", "recall");
        add("precision", "Precision", "Of the times the model gave one answer, the share that were right. Low"
                + " precision means it gives that answer too often.", "precision");
        exact("f1", "F1", "One figure for recall and precision together. It is high only when both are high.", "F1");
        add("interval", "95% interval", "The range in which the true share most likely lies, given how many"
                + " pictures were tested: 95 times in 100, the range holds it. Few pictures give a wide range. Glassbox"
                + " uses the Wilson interval.", "95% interval", "interval", "Wilson");
        add("confidence", "Confidence", "How sure the model is of its answer: the chance it gives that answer, from"
                + " 0% to 100%.", "confidence", "confident");
        add("calibration", "Calibration", "Whether the model's confidence matches how often it is right. A model"
                + " that says it is 90% sure should be right 9 times in 10.", "calibration", "calibrated");
        add("ece", "Expected calibration error", "The average gap between how sure the model is and how often it is"
                + " right, over groups of answers that are about as sure. 0 is perfect.", "expected calibration error",
                "ECE");
        add("temperature", "Temperature scaling", "A simple fix for a model that is too sure of itself. Its scores"
                + " are divided by one number, fitted on spare pictures, before they turn into chances.",
                "temperature scaling");
        add("attribution", "Attribution", "A score for each pixel: how much it pushed the model toward its answer."
                + " A heatmap draws these scores.", "attribution", "attributions");
        add("heatmap", "Heatmap", "A picture with colour laid over it to show where the model looked. Here, yellow"
                + " marks what mattered most, green and blue less, and grey what hardly mattered.", "heatmap",
                "heatmaps", "saliency map", "saliency maps");
        add("mask", "Mask", "A picture that marks which pixels belong to the object. With masks, Glassbox can tell"
                + " the object from the background.", "mask", "masks", "object mask", "object masks");
        add("shortcut", "Shortcut", "A cue the model uses that is not the object itself, such as a background"
                + " colour or a mark in a corner. It works on pictures like the training pictures and fails on others.",
                "shortcut", "shortcuts");
        add("intervention", "Edit that should not matter", "A change to a picture that leaves what it shows the"
                + " same: a new background colour, a patch over a corner, a mirror image, more or less light, or no"
                + " colour. A good model keeps its answer.", "edits that should not matter", "interventions");
        add("pointing-game", "Pointing game", "Whether the brightest spot of a heatmap lies on the object.",
                "pointing game", "pointing-game");
        add("sanity", "Sanity check", "A test of a heatmap method. When the model's learned layers are swapped for"
                + " random ones, its pictures should change. If they stay the same, they show the picture, not the"
                + " model.", "sanity check", "sanity");
        add("rank-correlation", "Rank correlation", "How alike two lists are in their order, from −1 (reversed) to 1"
                + " (the same order). Glassbox uses Spearman's.", "rank correlation", "Spearman");
        add("faithfulness", "Faithfulness", "Whether a heatmap marks what really matters to the model. Deleting the"
                + " pixels it marks first should lower the score faster than deleting pixels at random.",
                "faithfulness", "deletion and insertion", "deletion curve", "deletion curves");
        add("completeness", "Completeness", "For integrated gradients, the pixel scores should add up to the change"
                + " in the model's score from a blank picture to this one. The gap left over is the convergence"
                + " delta.", "completeness", "convergence delta");
        add("saliency", "Saliency", "The simplest heatmap: how much a tiny change to each pixel would change the"
                + " model's score.", "saliency");
        add("input-x-gradient", "Input × gradient", "Saliency multiplied by the picture itself, so dark pixels"
                + " count for little.", "input-x-gradient", "input × gradient");
        add("integrated-gradients", "Integrated gradients", "A heatmap that adds up small steps from a blank picture"
                + " to this one. Its scores add up to the change in the model's score.", "integrated gradients",
                "integrated-gradients");
        add("smoothgrad", "SmoothGrad", "The average heatmap of many noisy copies of the picture. The noise cancels"
                + " out and what the model keeps using stands out.", "smoothgrad");
        add("guided-backprop", "Guided backpropagation", "A sharp heatmap that lets only positive signals flow back"
                + " through the model. It often shows the picture's edges more than the model's reasons.",
                "guided backpropagation", "guided-backprop", "guided backprop");
        add("grad-cam", "Grad-CAM", "A coarse heatmap of which parts of a late layer back the answer, scaled up to"
                + " the picture.", "grad-cam");
        add("guided-grad-cam", "Guided Grad-CAM", "Grad-CAM's parts multiplied by guided backpropagation's fine"
                + " detail.", "guided-grad-cam", "guided grad-cam");
        add("occlusion", "Occlusion", "A heatmap made by covering each patch of the picture in turn and watching"
                + " how much the score drops.", "occlusion");
        exact("rise", "RISE", "A heatmap made from thousands of copies of the picture with random parts hidden."
                + " Pixels that were in view when the score stayed high get the credit.", "RISE");
        add("logit", "Score", "The number the model gives each class before the numbers are turned into chances."
                + " Heatmaps explain this score. Experts call it the logit.", "logit", "logits", "pre-softmax score");
        add("layer", "Layer", "A network works in steps called layers. Each one turns the output of the one before"
                + " into new numbers.", "layer", "layers");
        add("neuron", "Neuron", "One small detector in a layer. It fires more or less strongly at each place in"
                + " the picture.", "neuron", "neurons");
        add("neuron-group", "Neuron group", "A few neurons of one layer that tend to fire together, found by"
                + " splitting the layer's activity into a handful of patterns.", "neuron group", "neuron groups");
        add("optimized-picture", "Optimized picture", "A picture made step by step to make a neuron group, or a"
                + " class score, as high as it can go. It shows what drives the model, pushed to extremes.",
                "optimized picture", "optimized pictures");
        add("confusion-matrix", "Confusion matrix", "A table that counts, for each true class, how often the model"
                + " gave each answer. Right answers lie on the diagonal.", "confusion matrix");
        exact("layout", "NCHW and NHWC", "The order in which a model reads a picture's numbers: NCHW puts the colour"
                + " channels first, NHWC last.", "NCHW", "NHWC");
        exact("sha-256", "SHA-256", "A fingerprint of a file. Two files with the same fingerprint are the same"
                + " file.", "SHA-256");
        add("seed", "Seed", "The number every random choice starts from. The same seed gives the same report.",
                "seed");
        add("battery", "Battery config", "The file that says which model to test, on which pictures, and with which"
                + " checks and limits.", "battery config");
        exact("junit", "JUnit", "A file format for test results. Build servers read it to show each check as a"
                + " test.", "JUnit");
        add("model-card", "Model card", "A short page about a model for the people who use it: what it is for, what"
                + " it was tested on, how well it did and its known problems.", "model card");
    }

    private Glossary() {}

    private static void add(String id, String name, String definition, String... forms) {
        TERMS.add(new Term(id, name, definition, List.of(forms), false));
    }

    private static void exact(String id, String name, String definition, String... forms) {
        TERMS.add(new Term(id, name, definition, List.of(forms), true));
    }

    /** Every term, sorted by name as the glossary lists them. */
    static List<Term> terms() {
        return TERMS.stream().sorted(java.util.Comparator.comparing(t -> t.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }
}
