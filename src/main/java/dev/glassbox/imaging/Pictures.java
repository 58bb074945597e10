package dev.glassbox.imaging;

import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.awt.image.BufferedImage;

/**
 * The one way a run's pictures are made: pixels drawn (values in [0, 1], channels first), a map laid over them where
 * there is one, enlarged to at least the page's picture size with crisp pixels, and written to the store.
 */
public final class Pictures {

    private final ImageStore store;
    private final int minSide;

    /** @param minSide the shorter side, in pixels, every picture is enlarged to (at least) */
    public Pictures(ImageStore store, int minSide) {
        this.store = store;
        this.minSide = minSide;
    }

    public ImageStore store() {
        return store;
    }

    /** The picture of {@code pixels} (an image of {@code size}'s channels, height and width); its site path. */
    public String image(String name, float[] pixels, InputSpec size) {
        return put(name, drawing(pixels, size));
    }

    /** The picture of {@code pixels} with {@code map} (one value per pixel) drawn over it. */
    public String overlay(String name, float[] pixels, InputSpec size, float[] map) {
        return put(name, Overlay.of(drawing(pixels, size), new SaliencyMap(size.height(), size.width(), map)));
    }

    /** Any picture, enlarged. */
    public String put(String name, BufferedImage image) {
        int factor = Upscale.factorFor(image.getWidth(), image.getHeight(), minSide);
        return store.put(name.endsWith(".png") ? name : name + ".png", Upscale.nearest(image, factor));
    }

    private static BufferedImage drawing(float[] pixels, InputSpec size) {
        return InputPicture.of(pixels, InputSpec.image(InputLayout.NCHW, size.channels(), size.height(), size.width()),
                PixelRange.UNIT);
    }
}
