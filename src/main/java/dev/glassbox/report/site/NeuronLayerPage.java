package dev.glassbox.report.site;

import java.util.List;

/**
 * The page of one layer of one model: the layer's figures, then one card per neuron group.
 *
 * @param backHref           the model's section on the neurons page
 * @param sampled            how many images and positions the groups were fitted on, in words
 * @param explained          the share the groups reproduce, as a percent ("74.0%"), or a dash
 * @param explainedSentence  what that share means, in a sentence
 */
public record NeuronLayerPage(String model, String layer, String shape, int channels, String sampled,
                              String explained, String explainedSentence, String backHref, List<GroupCard> groups) {

    /**
     * One neuron group.
     *
     * @param id            its anchor on the page ({@code g1})
     * @param reached       "reached 1.8× the strongest real image", or the reason there is no such figure
     * @param reachedNote   what that figure means for this picture
     * @param reliance      which class relies on the group most, in a sentence, or empty
     * @param classes       the classes that lean on it most, most reliant first
     * @param moreClasses   how many further classes the table leaves out, in a sentence, or empty
     * @param offObject     the share of its activation outside the objects, in a sentence, or empty where unknown
     * @param shortcut      whether that share is high enough to suggest a shortcut
     * @param channels      its strongest channels ("channels 4, 17, 9"), or empty
     */
    public record GroupCard(String id, int index, NeuronPicture picture, String caption, String reached,
                            String reachedNote, List<NeuronPicture> examples, String reliance,
                            List<Reliance> classes, String moreClasses, List<String> notes, String offObject,
                            boolean shortcut, String channels) {}

    /**
     * How much one class leans on the group.
     *
     * @param contribution the mean contribution to the class's score, as a figure
     * @param share        the share of the class's evidence at this layer, signed ("+41%", "−3%")
     * @param bar          the width of the share's bar as a style class, in steps of 5% of its cell ("w40")
     * @param lowers       whether the group lowers the class's score
     */
    public record Reliance(String className, String contribution, String share, String bar, boolean lowers) {}
}
