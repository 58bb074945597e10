package dev.glassbox.report.site;

import java.util.List;

/** The per-class table and confusion matrix of one model on one data set. */
public record ClassesSection(String id, String model, String dataset, String summary, List<Row> rows, String chart,
                             String chartAlt) {

    /** One class: the numbers as text, and what they mean. */
    public record Row(String name, String precision, String recall, String f1, long support, String sentence) {}
}
