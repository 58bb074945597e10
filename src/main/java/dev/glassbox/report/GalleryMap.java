package dev.glassbox.report;

/**
 * One method's picture of a gallery sample.
 *
 * @param method  the method's name
 * @param picture page-relative path of the enlarged overlay
 */
public record GalleryMap(String method, String picture) {}
