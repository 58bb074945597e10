package dev.glassbox.checks;

import java.util.Locale;

/** How a check came out, from best to worst; a verdict is the worst status of its checks. */
public enum CheckStatus {
    /** The check ran and the model met its threshold. */
    PASS,
    /** The check could not run here (no masks for focus, a method it needs is not configured). */
    SKIPPED,
    /** Close to the threshold, or a concern worth a look that does not fail the battery by default. */
    WARN,
    /** The model does not meet the threshold. */
    FAIL,
    /** The check itself broke; the battery cannot say whether the model passes. */
    ERROR;

    /** "pass", "warn", ... as in summary.json and the report. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The worse of the two: error over fail over warn over skipped over pass. */
    public CheckStatus worse(CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
