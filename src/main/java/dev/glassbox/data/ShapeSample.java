package dev.glassbox.data;

import java.awt.image.BufferedImage;

/**
 * One generated picture with its masks and manifest row.
 *
 * @param row        what was drawn
 * @param image      the RGB picture
 * @param objectMask grayscale, 255 where the object covers at least a quarter of the pixel, 0 elsewhere
 * @param tagMask    grayscale, 255 on the tag; null when there is no tag
 */
public record ShapeSample(ManifestRow row, BufferedImage image, BufferedImage objectMask, BufferedImage tagMask) {}
