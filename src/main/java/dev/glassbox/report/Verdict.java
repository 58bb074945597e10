package dev.glassbox.report;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import java.util.Collection;
import java.util.Locale;

/**
 * A verdict on a model or a report, least severe first: no check judged it, pass, warn, fail. Written in
 * {@code summary.json} and on the terminal by {@link #id()}.
 */
public enum Verdict {
    /** No check could judge it: none ran, or every one was skipped. */
    NOT_RUN,
    PASS,
    WARN,
    FAIL;

    /** "not-run", "pass", "warn", "fail". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }

    /** The verdict named by {@code id} ("fail", ...). */
    public static Verdict byId(String id) {
        for (Verdict v : values()) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + id + "'");
    }

    /** Whether this verdict is at least as severe as {@code other}. */
    public boolean atLeast(Verdict other) {
        return compareTo(other) >= 0;
    }

    /**
     * The verdict of these results: fail when any failed or broke, else warn when any warned, else pass;
     * {@link #NOT_RUN} when there are none or all were skipped.
     */
    public static Verdict of(Collection<CheckResult> results) {
        CheckStatus worst = CheckStatus.PASS;
        boolean ran = false;
        for (CheckResult r : results) {
            worst = worst.worse(r.status());
            ran |= r.status() != CheckStatus.SKIPPED;
        }
        if (!ran) {
            return NOT_RUN;
        }
        return switch (worst) {
            case ERROR, FAIL -> FAIL;
            case WARN -> WARN;
            default -> PASS;
        };
    }

    /** The most severe of these verdicts; {@link #NOT_RUN} when there are none. */
    public static Verdict worst(Collection<Verdict> verdicts) {
        return verdicts.stream().max(Enum::compareTo).orElse(NOT_RUN);
    }
}
