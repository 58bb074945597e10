package dev.glassbox.report;

/**
 * One method's picture of a gallery sample, and where its map's weight lies (measured from the map, for the sentence
 * under the gallery's row).
 *
 * @param method    the method's name
 * @param picture   page-relative path of the enlarged overlay
 * @param onObject  the share of the map's weight on the object (its mask widened by a pixel), or null where the data
 *                  set has no masks or the map has no weight
 * @param peak      the ninth of the picture that holds the most weight ("bottom-right corner", "centre")
 * @param peakShare that ninth's share of the weight
 */
public record GalleryMap(String method, String picture, Double onObject, String peak, double peakShare) {

    /** A map whose weight was not measured. */
    public GalleryMap(String method, String picture) {
        this(method, picture, null, "", 0);
    }
}
