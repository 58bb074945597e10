package dev.glassbox.report.site;

import java.util.List;

/**
 * One model's part of the neurons page: what it "thinks" each class looks like, and a link to each layer examined.
 *
 * @param id            the section's anchor on the neurons page ({@code m0})
 * @param note          why the section is empty (this model was not examined), or empty
 * @param steps         how the pictures were made, in a sentence, or empty
 * @param classPictures one card per class, in the report's order
 * @param layers        one link per layer page, in the network's order
 */
public record NeuronSection(String id, String model, String note, String steps, List<ClassCard> classPictures,
                            List<LayerLink> layers) {

    /** A class picture, with how far it drove the class score compared with real images. */
    public record ClassCard(String className, NeuronPicture picture, String reached, String reachedNote) {}

    /** A layer page and, in a few words, what it holds. */
    public record LayerLink(String href, String layer, String summary) {}
}
