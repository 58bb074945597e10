package dev.glassbox.report.site;

import java.util.Map;

/**
 * One page of the site, as JaCoCo has a class per page type: which page it is, and the variables its template reads
 * besides those every page shares (title, navigation, breadcrumb, footer), which the writer sets.
 */
interface SitePage {

    /** The page's file, template, title and place in the navigation. */
    Page page();

    /** This page's own template variables (a value may be null). */
    Map<String, Object> variables();
}
