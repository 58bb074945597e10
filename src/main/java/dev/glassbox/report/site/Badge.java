package dev.glassbox.report.site;

import dev.glassbox.checks.CheckStatus;
import dev.glassbox.report.Verdict;

/**
 * A status or verdict as the pages show it: a symbol and a word as well as a colour, so it reads the same to a
 * colour-blind reader, in grey print and in dark mode. {@code id} names the CSS class ({@code status-fail}).
 */
public record Badge(String id, String symbol, String word) {

    public static Badge of(CheckStatus status) {
        return switch (status) {
            case PASS -> new Badge("pass", "✓", "Pass");
            case WARN -> new Badge("warn", "!", "Warning");
            case FAIL -> new Badge("fail", "✗", "Fail");
            case ERROR -> new Badge("error", "?", "Error");
            case SKIPPED -> new Badge("skipped", "–", "Skipped");
        };
    }

    /** The badge of a report's verdict: pass, warn, fail or not-run. */
    public static Badge verdict(Verdict verdict) {
        return switch (verdict) {
            case NOT_RUN -> new Badge("not-run", "○", "Not run");
            case PASS -> of(CheckStatus.PASS);
            case WARN -> of(CheckStatus.WARN);
            case FAIL -> of(CheckStatus.FAIL);
        };
    }
}
