package dev.glassbox.checks;

import java.util.Objects;

/**
 * A picture that backs a finding: an image with its attribution, the image before and after an edit, a chart.
 *
 * @param picture page-relative path of the picture in the site ({@code img/...})
 * @param caption one sentence saying what the picture shows
 */
public record Evidence(String picture, String caption) {

    public Evidence {
        Objects.requireNonNull(picture);
        Objects.requireNonNull(caption);
    }
}
