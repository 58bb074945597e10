package dev.glassbox.report.site;

import java.util.List;

/**
 * One check on the checks page: what it is, its worst outcome and every result of it.
 *
 * @param id      the section's anchor ({@code check-focus})
 * @param worst   the worst status among its results, or not-run
 * @param summary a sentence counting the results by status, or saying it did not run
 */
public record CheckSection(String id, String title, String description, Badge worst, String summary,
                           List<ResultView> results) {}
