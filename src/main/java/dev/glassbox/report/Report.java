package dev.glassbox.report;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report says, as data: the site, {@code summary.json} and {@code junit.xml} are renderings of it.
 *
 * @param title       the report's title
 * @param generatedAt when it was made (from {@code SOURCE_DATE_EPOCH} when set)
 * @param verdict     pass, warn or fail (the worst check; an error counts as a fail), or {@link #NOT_RUN} when no
 *                    check ran
 * @param verdictNote one sentence on where the verdict comes from
 * @param models      the models tested, in the order given
 * @param datasets    the data sets they were tested on
 * @param timings     seconds per stage, in the order the stages ran; the only part that varies between runs
 * @param versions    software versions that made the report
 * @param introduction plain-language paragraphs that open the overview: what was tested and why (may be empty)
 * @param checks      every check result, per model in model order, then in registry order
 * @param run         seed and config, for the about page
 */
public record Report(String title, Instant generatedAt, String verdict, String verdictNote, List<ModelReport> models,
                     List<DatasetSummary> datasets, Map<String, Double> timings, Map<String, String> versions,
                     List<String> introduction, List<CheckResult> checks, RunInfo run) {

    /** The verdict when no check ran. */
    public static final String NOT_RUN = "not-run";

    public Report {
        Objects.requireNonNull(title);
        Objects.requireNonNull(generatedAt);
        Objects.requireNonNull(verdict);
        models = List.copyOf(models);
        datasets = List.copyOf(datasets);
        timings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        introduction = List.copyOf(introduction);
        checks = List.copyOf(checks);
        Objects.requireNonNull(run);
        if (models.isEmpty() || datasets.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one model and one data set");
        }
    }

    /**
     * The verdict of these results: fail when any failed or broke, else warn when any warned, else pass;
     * {@link #NOT_RUN} when there are none or all were skipped.
     */
    public static String verdictOf(List<CheckResult> checks) {
        CheckStatus worst = CheckStatus.PASS;
        boolean ran = false;
        for (CheckResult r : checks) {
            worst = worst.worse(r.status());
            ran |= r.status() != CheckStatus.SKIPPED;
        }
        if (!ran) {
            return NOT_RUN;
        }
        return switch (worst) {
            case ERROR, FAIL -> CheckStatus.FAIL.id();
            case WARN -> CheckStatus.WARN.id();
            default -> CheckStatus.PASS.id();
        };
    }

    /** One sentence per model: how many of its checks failed, warned and passed. */
    public static String verdictNote(List<String> models, List<CheckResult> results) {
        if (results.isEmpty()) {
            return "No checks were run, so there is no pass or fail verdict: the report shows metrics and"
                    + " attribution pictures only.";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String m : models) {
            Map<CheckStatus, Integer> counts = new java.util.EnumMap<>(CheckStatus.class);
            int total = 0;
            for (CheckResult r : results) {
                if (r.model().equals(m)) {
                    counts.merge(r.status(), 1, Integer::sum);
                    total++;
                }
            }
            int failed = counts.getOrDefault(CheckStatus.FAIL, 0) + counts.getOrDefault(CheckStatus.ERROR, 0);
            int warned = counts.getOrDefault(CheckStatus.WARN, 0);
            int passed = counts.getOrDefault(CheckStatus.PASS, 0);
            int skipped = counts.getOrDefault(CheckStatus.SKIPPED, 0);
            parts.add(m + ": " + failed + " failed, " + warned + " warned, " + passed + " passed"
                    + (skipped > 0 ? ", " + skipped + " could not be judged" : "") + " of " + total + " results");
        }
        return String.join("; ", parts) + ". The verdict is the worst of the results that could be judged: a fail"
                + " anywhere fails the report.";
    }

    /** The same report with one more stage timed (the site writer adds its own). */
    public Report withTiming(String stage, double seconds) {
        Map<String, Double> t = new LinkedHashMap<>(timings);
        t.put(stage, seconds);
        return new Report(title, generatedAt, verdict, verdictNote, models, datasets, t, versions, introduction,
                checks, run);
    }

    /** The same report opened by these paragraphs (the demo tells its story with the measured figures). */
    public Report withIntroduction(List<String> paragraphs) {
        return new Report(title, generatedAt, verdict, verdictNote, models, datasets, timings, versions, paragraphs,
                checks, run);
    }

    /** The results about one model, in order. */
    public List<CheckResult> checksOf(String model) {
        return checks.stream().filter(c -> c.model().equals(model)).toList();
    }

    /** Whether the report compares two models side by side (the config's {@code compare:}). */
    public boolean compares() {
        return run.compared() && models.size() == 2;
    }

    public String version() {
        return versions.getOrDefault("glassbox", "development");
    }
}
