package dev.glassbox.featurevis;

/**
 * The picture optimized to raise one class's score (pre-softmax logit).
 *
 * @param className  the class
 * @param picture    page-relative path of the picture (upscaled PNG)
 * @param objective  the class's logit on the picture
 * @param datasetMax the highest logit for the class on any image of the data sets
 */
public record ClassPicture(String className, String picture, double objective, double datasetMax) {

    /** The objective reached relative to the data set's maximum (1 = as high as the strongest real image). */
    public double reached() {
        return Reached.ratio(objective, datasetMax);
    }
}
