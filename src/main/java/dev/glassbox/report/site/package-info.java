/**
 * The static site: one class per page type ({@link dev.glassbox.report.site.SitePage}) filling a Thymeleaf
 * template, JFreeChart charts and the report's pictures, written by {@link dev.glassbox.report.site.SiteWriter}
 * through one output interface ({@link dev.glassbox.report.site.SiteOutput}: a folder, a zip, memory, or a single
 * self-contained HTML file); {@link dev.glassbox.report.site.StagedSite} puts a report's files in place.
 */
package dev.glassbox.report.site;
