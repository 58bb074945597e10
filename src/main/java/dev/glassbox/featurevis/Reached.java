package dev.glassbox.featurevis;

/** How far an optimized picture drove its objective, relative to the strongest real image. */
final class Reached {

    private Reached() {
    }

    /** {@code objective / datasetMax}, or NaN where the data set's maximum is not above zero. */
    static double ratio(double objective, double datasetMax) {
        return datasetMax > 0 ? objective / datasetMax : Double.NaN;
    }
}
