/**
 * The report of a finished run as plain data: what was tested, how each model did, the gallery of explained
 * predictions, the check results; and its {@code summary.json} and {@code junit.xml} writers. The site
 * ({@code report.site}) is one rendering of these records; nothing here imports it.
 */
package dev.glassbox.report;
