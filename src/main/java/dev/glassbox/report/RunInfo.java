package dev.glassbox.report;

/**
 * How a report was run, for its about page: enough to run it again and get the same report.
 *
 * @param seed       the seed every sampled choice was drawn from (samples, noise, random layers)
 * @param configName the battery config's file name, or null when the report was not built from one
 * @param config     the battery config's text as given, or null
 * @param compared   whether the config compared two models ({@code compare:}), so the report has a compare page
 */
public record RunInfo(long seed, String configName, String config, boolean compared) {

    /** A run without a config file (tests, programmatic use). */
    public static RunInfo seedOnly(long seed) {
        return new RunInfo(seed, null, null, false);
    }

    public RunInfo {
        if ((configName == null) != (config == null)) {
            throw new IllegalArgumentException("a config needs both its name and its text");
        }
    }

    /** The same run with another seed. */
    public RunInfo withSeed(long s) {
        return new RunInfo(s, configName, config, compared);
    }

    public boolean hasConfig() {
        return config != null;
    }
}
