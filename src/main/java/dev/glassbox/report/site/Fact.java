package dev.glassbox.report.site;

/** A named value in a plain two-column table (a version, a stage's time). */
public record Fact(String name, String value) {}
