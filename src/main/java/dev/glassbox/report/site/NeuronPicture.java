package dev.glassbox.report.site;

import java.util.Optional;

/**
 * A picture of the neuron pages, with the size it is shown at (its own aspect, the longer side fitted to a box).
 * {@code src} is empty where the report names a picture the site does not hold: the page then shows {@code alt} as
 * text, never a broken picture.
 *
 * @param title a tooltip with what the picture shows, or empty
 */
public record NeuronPicture(String src, String alt, String title, int width, int height) {

    public boolean shown() {
        return !src.isEmpty();
    }

    /** {@code path} fitted into a {@code box}×{@code box} square, or a picture that is not shown. */
    static NeuronPicture fit(String path, Optional<PictureSizes.PixelSize> size, int box, String alt, String title) {
        if (size.isEmpty() || size.get().width() <= 0 || size.get().height() <= 0) {
            return new NeuronPicture("", alt, title, box, box);
        }
        int w = size.get().width();
        int h = size.get().height();
        return w >= h ? new NeuronPicture(path, alt, title, box, Math.max(1, Math.round((float) box * h / w)))
                : new NeuronPicture(path, alt, title, Math.max(1, Math.round((float) box * w / h)), box);
    }
}
