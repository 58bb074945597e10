package dev.glassbox.diagnosis;

import dev.glassbox.checks.MethodSpec;

/**
 * How the diagnosis samples and judges. Sample sizes trade time for narrower intervals; every judgement is a test
 * at the false-discovery rate, so more pictures find weaker cues rather than more false ones.
 *
 * @param enabled           whether the diagnosis runs at all
 * @param imagesPerClass    pictures of each class whose cues are removed (a seeded sample per data set); the
 *                          class's cues are also taken from them
 * @param transplantImages  pictures of other classes each class's cues are put into
 * @param attributionImages pictures of each class whose attribution maps are averaged (of the sample above)
 * @param method            the attribution method of the class-mean maps, or null to take saliency (or, where the
 *                          sanity check found it untrustworthy for a model, the first method it trusted)
 * @param deployment        the data set whose wrong answers count as harm, or null for the one the models do worst
 *                          on (where shortcuts stop helping)
 * @param minRecall         a class whose recall's interval lies wholly below this is weak
 * @param maxFlipRate       an edit that changes more than this share of right answers in most classes, with
 *                          the pooled interval above it too, is a fragility
 * @param falseDiscovery    the false-discovery rate of the tests that pick out a class's cues
 * @param seed              the seed of every sample
 */
public record DiagnosisSettings(boolean enabled, int imagesPerClass, int transplantImages, int attributionImages,
                                MethodSpec method, String deployment, double minRecall, double maxFlipRate,
                                double falseDiscovery, long seed) {

    public static final int DEFAULT_IMAGES_PER_CLASS = 20;
    public static final int DEFAULT_TRANSPLANT_IMAGES = 30;
    public static final int DEFAULT_ATTRIBUTION_IMAGES = 8;
    public static final double DEFAULT_MIN_RECALL = 0.8;
    public static final double DEFAULT_MAX_FLIP_RATE = 0.2;
    public static final double DEFAULT_FALSE_DISCOVERY = 0.05;

    public DiagnosisSettings {
        if (imagesPerClass < 1 || transplantImages < 1 || attributionImages < 0) {
            throw new IllegalArgumentException("diagnosis samples " + imagesPerClass + ", " + transplantImages + ", "
                    + attributionImages);
        }
        if (!(falseDiscovery > 0 && falseDiscovery < 1)) {
            throw new IllegalArgumentException("false-discovery rate " + falseDiscovery + " is not in (0, 1)");
        }
    }

    /** The defaults, drawing with this seed. */
    public static DiagnosisSettings defaults(long seed) {
        return new DiagnosisSettings(true, DEFAULT_IMAGES_PER_CLASS, DEFAULT_TRANSPLANT_IMAGES,
                DEFAULT_ATTRIBUTION_IMAGES, null, null, DEFAULT_MIN_RECALL, DEFAULT_MAX_FLIP_RATE,
                DEFAULT_FALSE_DISCOVERY, seed);
    }

    /** No diagnosis. */
    public static DiagnosisSettings off() {
        return new DiagnosisSettings(false, DEFAULT_IMAGES_PER_CLASS, DEFAULT_TRANSPLANT_IMAGES,
                DEFAULT_ATTRIBUTION_IMAGES, null, null, DEFAULT_MIN_RECALL, DEFAULT_MAX_FLIP_RATE,
                DEFAULT_FALSE_DISCOVERY, 0);
    }
}
