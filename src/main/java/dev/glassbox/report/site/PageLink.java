package dev.glassbox.report.site;

/** An entry of the navigation bar; {@code href} is relative to the page. */
public record PageLink(String href, String label, boolean current) {}
