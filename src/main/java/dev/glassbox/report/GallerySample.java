package dev.glassbox.report;

/**
 * One explained prediction in the gallery.
 *
 * @param dataset        the data set it comes from
 * @param className      the class whose gallery it belongs to (its true class)
 * @param outcome        whether the model got it right
 * @param rank           1 for the most confident of its kind, then 2, ...
 * @param file           the image's file name in the data set
 * @param trueClass      the label
 * @param predictedClass what the model said
 * @param confidence     the model's probability for what it said
 * @param picture        page-relative path of the enlarged image
 * @param maps           one overlay per gallery method, explaining the predicted class
 * @param objectArea     the share of the picture the object covers (its mask widened by a pixel), or null where the
 *                       data set has no masks
 */
public record GallerySample(String dataset, String className, Outcome outcome, int rank, String file,
                            String trueClass, String predictedClass, double confidence, String picture,
                            java.util.List<GalleryMap> maps, Double objectArea) {

    /** A sample whose object was not measured. */
    public GallerySample(String dataset, String className, Outcome outcome, int rank, String file, String trueClass,
                         String predictedClass, double confidence, String picture, java.util.List<GalleryMap> maps) {
        this(dataset, className, outcome, rank, file, trueClass, predictedClass, confidence, picture, maps, null);
    }

    /** Whether the prediction was right. */
    public enum Outcome {
        CORRECT, WRONG;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GallerySample {
        maps = java.util.List.copyOf(maps);
        if (rank < 1 || !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("invalid gallery sample: rank " + rank + ", confidence " + confidence);
        }
        if ((outcome == Outcome.CORRECT) != trueClass.equals(predictedClass)) {
            throw new IllegalArgumentException(outcome + " sample with true class " + trueClass + " and prediction "
                    + predictedClass);
        }
    }
}
