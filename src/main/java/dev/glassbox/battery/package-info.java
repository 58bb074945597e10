/**
 * The battery: the run plan built from a config, and the stages that carry it out (evaluation, gallery, checks,
 * neurons) on the models and data sets, into a {@link dev.glassbox.report.Report} that the site and the JSON and
 * JUnit writers render.
 */
package dev.glassbox.battery;
