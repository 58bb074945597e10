package dev.glassbox.report.site;

import java.util.List;

/** The explained predictions of one model on one data set, class by class. */
public record GallerySection(String id, String model, String dataset, List<ClassGallery> classes) {

    /** One class: its most confident correct and wrong predictions. */
    public record ClassGallery(String name, List<Card> correct, List<Card> wrong, String correctNote,
                               String wrongNote) {

        /** Right answers first, then wrong ones, each most confident first. */
        public List<Card> cards() {
            return java.util.stream.Stream.concat(correct.stream(), wrong.stream()).toList();
        }
    }

    /**
     * One prediction: the image and, for each method, where the model looked.
     *
     * @param sentence what the row's maps show, computed from them (where the weight lies), or empty
     */
    public record Card(String picture, String pictureAlt, List<Map> maps, String file,
                       String trueClass, String predictedClass, String confidence, boolean correct,
                       String sentence) {}

    /** One method's picture of a prediction. */
    public record Map(String method, String picture, String alt) {}
}
