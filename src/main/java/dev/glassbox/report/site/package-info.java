/** The static site: Thymeleaf pages, JFreeChart charts, pictures, {@code summary.json} and a zip of it all. */
package dev.glassbox.report.site;
