package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.Wilson;

/**
 * A share of pictures with its Wilson 95% interval.
 *
 * @param count  pictures where it happened
 * @param images pictures it could happen to
 */
public record Rate(int count, int images) {

    public static final Rate NONE = new Rate(0, 0);

    public Rate {
        if (count < 0 || images < 0 || count > images) {
            throw new IllegalArgumentException(count + " of " + images);
        }
    }

    /** How many of the eligible pictures had the outcome. */
    public static Rate of(boolean[] outcome, boolean[] eligible) {
        int k = 0;
        int n = 0;
        for (int i = 0; i < outcome.length; i++) {
            if (eligible[i]) {
                n++;
                k += outcome[i] ? 1 : 0;
            }
        }
        return new Rate(k, n);
    }

    /** The share, or NaN with no pictures. */
    public double rate() {
        return images == 0 ? Double.NaN : (double) count / images;
    }

    public double low() {
        return Wilson.of(count, images).lower();
    }

    public double high() {
        return Wilson.of(count, images).upper();
    }

    public boolean isEmpty() {
        return images == 0;
    }

    /** Both counts added: the pooled rate. */
    public Rate plus(Rate other) {
        return new Rate(count + other.count, images + other.images);
    }
}
