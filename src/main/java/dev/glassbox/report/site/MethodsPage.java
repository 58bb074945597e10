package dev.glassbox.report.site;

import dev.glassbox.report.Report;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** {@code methods.html}: how each method the gallery shows or a check names makes its pictures, and when not to trust it. */
record MethodsPage(Report report, CheckViews views) implements SitePage {

    static final Page PAGE = new Page("methods.html", "methods", "Methods");

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("methods", sections());
    }

    /** Each method the gallery shows or a check names, with its note and any sanity failure at its top. */
    private List<MethodSection> sections() {
        LinkedHashSet<String> methods = new LinkedHashSet<>(GalleryPage.methods(report));
        methods.addAll(views.methods());
        List<Untrusted> untrusted = views.untrusted();
        return MethodNotes.of(List.copyOf(methods)).stream().map(n -> new MethodSection(n,
                untrusted.stream().filter(u -> u.method().equals(n.method())).toList())).toList();
    }
}
