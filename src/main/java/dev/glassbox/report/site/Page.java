package dev.glassbox.report.site;

/**
 * A page of the site.
 *
 * @param file     its file name in the site
 * @param template the Thymeleaf template that renders it
 * @param title    its title in the navigation (for a page in it) and the browser tab
 * @param navFile  the page of the navigation it belongs under: its own file for a page the navigation lists, the
 *                 parent's for one it leaves out (a layer page under {@code neurons.html})
 */
record Page(String file, String template, String title, String navFile) {

    /** A page the navigation lists. */
    Page(String file, String template, String title) {
        this(file, template, title, file);
    }

    boolean inNav() {
        return file.equals(navFile);
    }

    /** The anchor of one model on one data set, on every page that has a section per pair (classes, gallery). */
    static String sectionId(int model, int dataset) {
        return "m" + model + "-d" + dataset;
    }
}
