package dev.glassbox.report.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each attribution method's picture means, when to trust it and what it costs, in words for readers who are
 * not ML engineers. The methods page shows the note of every method the gallery uses.
 */
final class MethodNotes {

    /**
     * @param method     the method's name as the gallery labels it
     * @param title      a readable title
     * @param shows      what the picture means
     * @param trust      when to trust it
     * @param cost       what it costs
     */
    record Note(String method, String title, String shows, String trust, String cost) {}

    private static final Map<String, Note> NOTES = new LinkedHashMap<>();

    static {
        add("saliency", "Saliency (gradient)",
                "How much a tiny change to each pixel would change the score of the class shown. Bright areas are"
                        + " where the model is most sensitive.",
                "Good for a first look at where the model is looking. It is noisy, and it shows where the model is"
                        + " sensitive rather than how much each pixel gave.",
                "One forward and one backward pass per image: the cheapest picture.");
        add("input-x-gradient", "Input × gradient",
                "The saliency map multiplied by the image itself, so a pixel counts only where it is both present"
                        + " and influential.",
                "Dark or zero-valued areas always look unimportant, even when their darkness is what the model"
                        + " uses: compare with integrated gradients.",
                "As cheap as saliency.");
        add("integrated-gradients", "Integrated gradients",
                "How much each pixel gave to the score, compared with a blank image. It adds up small steps on the"
                        + " way from the blank image to this one.",
                "Its values add up to the change in score, and Glassbox checks how closely. It is one of the more"
                        + " reliable pictures, though what counts as \"blank\" shapes the answer.",
                "One pass per step along the way, 50 by default.");
        add("smoothgrad", "SmoothGrad",
                "The average of the maps of many slightly noisy copies of the image. The noise cancels out, and"
                        + " what the model keeps using stands out.",
                "Trust its broad areas, not single pixels.",
                "One pass per noisy copy, 25 by default.");
        add("guided-backprop", "Guided backpropagation",
                "A sharpened gradient that lets only positive signals flow back through the network; the pictures"
                        + " look crisp and detailed.",
                "They barely change when the model's weights are scrambled, as Adebayo and others showed in 2018."
                        + " So they show the image's edges more than the model's reasons: never decide on this"
                        + " picture alone.",
                "One pass per image.");
        add("grad-cam", "Grad-CAM",
                "Which regions of a late layer of the network support the class, scaled up to the image: coarse"
                        + " blobs rather than pixels.",
                "Reliable for \"which part of the picture\"; too coarse for small details such as a thin mark.",
                "One pass per image.");
        add("guided-grad-cam", "Guided Grad-CAM",
                "Grad-CAM's regions multiplied by guided backpropagation's fine detail.",
                "Crisp, but it inherits guided backpropagation's weakness: read it next to Grad-CAM.",
                "One pass per image.");
        add("occlusion", "Occlusion",
                "Each patch of the image is covered in turn, and the drop in score is measured. A big drop marks a"
                        + " patch the model needs.",
                "Easy to believe because it is a real experiment on the model; blocky, since it works in patches.",
                "One forward pass per patch position.");
        add("rise", "RISE (random masks)",
                "The model sees thousands of randomly masked copies of the image; pixels that were visible when the"
                        + " score stayed high get the credit.",
                "Needs no gradients, so it works the same on any model; blurry.",
                "The most expensive: one forward pass per mask, 2,000 by default.");
    }

    private MethodNotes() {}

    private static void add(String method, String title, String shows, String trust, String cost) {
        NOTES.put(method, new Note(method, title, shows, trust, cost));
    }

    /** The notes of these methods, in this order; a method without a note gets a plain one. */
    static List<Note> of(List<String> methods) {
        return methods.stream().map(m -> NOTES.getOrDefault(m, new Note(m, m,
                "A map of where the model looked, by the " + m + " method.", "Compare it with the other pictures.",
                "Not measured."))).toList();
    }
}
