/**
 * The report as plain data: what was tested, how each model did, the gallery of explained predictions, and
 * {@code summary.json}. Nothing here imports {@code report.site}: the site is one rendering of these records.
 */
package dev.glassbox.report;
