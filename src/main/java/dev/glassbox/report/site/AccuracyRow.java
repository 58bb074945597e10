package dev.glassbox.report.site;

/** One model on one data set, as the overview states it. */
public record AccuracyRow(String model, String dataset, String accuracy, long correct, long images,
                          String sentence, String detailsHref) {}
