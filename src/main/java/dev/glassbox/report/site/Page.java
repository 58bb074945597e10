package dev.glassbox.report.site;

/**
 * A page of the site.
 *
 * @param file     its file name in the site
 * @param template the Thymeleaf template that renders it
 * @param title    its title in the navigation and the browser tab
 */
record Page(String file, String template, String title) {}
