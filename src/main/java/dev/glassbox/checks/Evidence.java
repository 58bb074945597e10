package dev.glassbox.checks;

import java.util.Objects;

/**
 * A picture that backs a finding: an image with its attribution, the image before and after an edit, a chart.
 *
 * @param picture page-relative path of the picture in the site ({@code img/...})
 * @param caption one sentence saying what the picture shows
 * @param heatmap whether it is a heatmap (a map drawn over the image), which the site shows beside its colour legend
 */
public record Evidence(String picture, String caption, boolean heatmap) {

    public Evidence {
        Objects.requireNonNull(picture);
        Objects.requireNonNull(caption);
    }

    /** A picture that is not a heatmap: the image itself, or the image after an edit. */
    public Evidence(String picture, String caption) {
        this(picture, caption, false);
    }

    /** A heatmap: a map drawn over the image. */
    public static Evidence heatmap(String picture, String caption) {
        return new Evidence(picture, caption, true);
    }
}
