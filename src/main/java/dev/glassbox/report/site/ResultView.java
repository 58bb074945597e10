package dev.glassbox.report.site;

import java.util.List;

/**
 * One check result as the pages show it: figures as text, the finding, and the pictures and charts behind it.
 *
 * @param anchor     the id of its card on its check's page: ASCII, stable for the same report ({@code m0-r3})
 * @param href       the link to that card from another page ({@code check-accuracy.html#m0-r3})
 * @param checkTitle the check's title from the registry (its id for a check the registry does not know)
 * @param subject    what it is about besides the model: data set, class and method, or "the whole model"
 * @param className  the class it is about, or empty
 * @param method     the attribution method it is about, or empty
 */
public record ResultView(String anchor, String href, String checkId, String checkTitle, String model,
                         String dataset, String className, String method, String subject, Badge status, String value,
                         String threshold, String finding, List<Detail> details, List<Picture> evidence,
                         List<Chart> charts) {

    /** A further named figure. */
    public record Detail(String name, String value) {}

    /**
     * An evidence picture; {@code src} is empty when the path was not a picture inside the site, so only the caption
     * is shown.
     *
     * @param heatmap whether it is a map drawn over the image, read with the colour legend
     */
    public record Picture(String src, String caption, boolean heatmap) {
        public boolean shown() {
            return !src.isEmpty();
        }
    }

    /** A chart drawn from the result's data, as a PNG in {@code img/charts/}. */
    public record Chart(String src, String title, String caption, String alt) {}

    /** The class and the method it is about, or a dash. */
    public String classOrMethod() {
        if (className.isEmpty() && method.isEmpty()) {
            return "—";
        }
        return className.isEmpty() ? method : method.isEmpty() ? className : className + " · " + method;
    }

    /** "value 0.4, threshold 0.9", or empty when the result has no figure (skipped, error). */
    public String figures() {
        if (value.equals("—")) {
            return "";
        }
        return "value " + value + (threshold.equals("—") ? "" : ", threshold " + threshold);
    }

    /** Whether a picture behind it is a heatmap. */
    public boolean hasHeatmap() {
        return evidence.stream().anyMatch(Picture::heatmap);
    }

    /** "Measured 0.4; the limit is 0.9", or empty when the result has no figure (skipped, error). */
    public String measured() {
        if (value.equals("—")) {
            return "";
        }
        return "Measured " + value + (threshold.equals("—") ? "." : "; the limit is " + threshold + ".");
    }

    public boolean hasPictures() {
        return !evidence.isEmpty() || !charts.isEmpty();
    }
}
