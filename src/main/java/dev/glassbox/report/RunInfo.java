package dev.glassbox.report;

import java.util.List;

/**
 * How a report was run, for its about page: enough to run it again and get the same report; and what the config says
 * the model is for, for the model card.
 *
 * @param seed        the seed every sampled choice was drawn from (samples, noise, random layers)
 * @param configName  the battery config's file name, or null when the report was not built from one
 * @param config      the battery config's text as given, or null
 * @param compared    whether the config compared two models ({@code compare:}), so the report has a compare page
 * @param intendedUse what the model is meant for (the config's {@code model-card.intended-use}), or empty
 * @param limits      where it should not be relied on ({@code model-card.limits}); may be empty
 */
public record RunInfo(long seed, String configName, String config, boolean compared, String intendedUse,
                      List<String> limits) {

    /** A run without a config file (tests, programmatic use). */
    public static RunInfo seedOnly(long seed) {
        return new RunInfo(seed, null, null, false);
    }

    /** A run whose config says nothing of what the model is for. */
    public RunInfo(long seed, String configName, String config, boolean compared) {
        this(seed, configName, config, compared, "", List.of());
    }

    public RunInfo {
        if ((configName == null) != (config == null)) {
            throw new IllegalArgumentException("a config needs both its name and its text");
        }
        intendedUse = intendedUse == null ? "" : intendedUse;
        limits = List.copyOf(limits);
    }

    /** The same run with another seed. */
    public RunInfo withSeed(long s) {
        return new RunInfo(s, configName, config, compared, intendedUse, limits);
    }

    public boolean hasConfig() {
        return config != null;
    }
}
