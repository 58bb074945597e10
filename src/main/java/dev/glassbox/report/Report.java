package dev.glassbox.report;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.diagnosis.Problem;
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
 * @param verdict     the worst of the models' own verdicts ({@link #verdictOf(String)}); {@link Verdict#NOT_RUN}
 *                    when no check judged a model
 * @param verdictNote one sentence on where the verdict comes from
 * @param models      the models tested, in the order given
 * @param datasets    the data sets they were tested on
 * @param timings     seconds per stage, in the order the stages ran; the only part that varies between runs
 * @param versions    software versions that made the report
 * @param introduction plain-language paragraphs that open the overview: what was tested and why (may be empty)
 * @param checks      every check result, per model in model order, then in registry order
 * @param run         seed and config, for the about page
 * @param diagnoses   each model's problems, ranked per model, in model order (empty when the diagnosis did not run)
 */
public record Report(String title, Instant generatedAt, Verdict verdict, String verdictNote, List<ModelReport> models,
                     List<DatasetSummary> datasets, Map<String, Double> timings, Map<String, String> versions,
                     List<String> introduction, List<CheckResult> checks, RunInfo run, List<Problem> diagnoses) {

    /** A report without a diagnosis. */
    public Report(String title, Instant generatedAt, Verdict verdict, String verdictNote, List<ModelReport> models,
                  List<DatasetSummary> datasets, Map<String, Double> timings, Map<String, String> versions,
                  List<String> introduction, List<CheckResult> checks, RunInfo run) {
        this(title, generatedAt, verdict, verdictNote, models, datasets, timings, versions, introduction, checks, run,
                List.of());
    }

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
        diagnoses = List.copyOf(diagnoses);
        if (models.isEmpty() || datasets.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one model and one data set");
        }
    }

    /**
     * A model's own verdict: the worst of the results that judge the model (not those that judge an attribution
     * method: a method that fails sanity is untrustworthy, the model is not worse for it), and at least warn when the
     * diagnosis confirmed a shortcut; {@link Verdict#NOT_RUN} when nothing judged it.
     */
    public static Verdict modelVerdict(List<CheckResult> results, boolean shortcut) {
        Verdict fromChecks = Verdict.of(results.stream().filter(r -> !judgesMethods(r)).toList());
        return shortcut && !fromChecks.atLeast(Verdict.WARN) ? Verdict.WARN : fromChecks;
    }

    /** Whether a result judges an attribution method (sanity, faithfulness, completeness) rather than the model. */
    public static boolean judgesMethods(CheckResult r) {
        return dev.glassbox.checks.Checks.definition(r.check()).map(d -> d.judgesMethods()).orElse(false);
    }

    /** The model's own verdict in this report ({@link #modelVerdict}). */
    public Verdict verdictOf(String model) {
        return modelVerdict(checksOf(model), diagnoses.stream().anyMatch(p -> p.model().equals(model)
                && p.kind() == Problem.Kind.SHORTCUT));
    }

    /** The attribution methods a method check failed (or broke on) for this model, in first-failure order. */
    public List<String> untrustworthyMethods(String model) {
        return checksOf(model).stream().filter(r -> judgesMethods(r) && r.method() != null
                && (r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR)).map(CheckResult::method)
                .distinct().toList();
    }

    /** The diagnosed problems of one model, ranked. */
    public List<Problem> diagnosesOf(String model) {
        return diagnoses.stream().filter(p -> p.model().equals(model)).toList();
    }

    /** The same report with these diagnosed problems. */
    public Report withDiagnoses(List<Problem> problems) {
        return new Report(title, generatedAt, verdict, verdictNote, models, datasets, timings, versions, introduction,
                checks, run, problems);
    }

    /**
     * One sentence per model: how many of the results that judge it failed, warned and passed, and what its verdict
     * is; then how the report's verdict follows.
     */
    public static String verdictNote(List<String> models, List<CheckResult> results, List<Verdict> verdicts) {
        if (results.isEmpty() && verdicts.stream().allMatch(v -> v == Verdict.NOT_RUN)) {
            return verdictNote(models, results);
        }
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String m = models.get(i);
            List<CheckResult> own = results.stream().filter(r -> r.model().equals(m) && !judgesMethods(r)).toList();
            parts.add(m + ": " + verdicts.get(i) + " (" + counts(own) + ")");
        }
        return String.join(". ", parts) + ". Each model's verdict is the worst of its own results. A confirmed"
                + " shortcut makes it at least a warn. Results about the heatmap methods say which methods to trust,"
                + " and count for no model. The report's verdict is the worst model's.";
    }

    private static String counts(List<CheckResult> results) {
        Map<CheckStatus, Integer> counts = new java.util.EnumMap<>(CheckStatus.class);
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        int failed = counts.getOrDefault(CheckStatus.FAIL, 0) + counts.getOrDefault(CheckStatus.ERROR, 0);
        int skipped = counts.getOrDefault(CheckStatus.SKIPPED, 0);
        return failed + " failed, " + counts.getOrDefault(CheckStatus.WARN, 0) + " warned, "
                + counts.getOrDefault(CheckStatus.PASS, 0) + " passed"
                + (skipped > 0 ? ", " + skipped + " could not be judged" : "") + " of " + results.size() + " results";
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
                checks, run, diagnoses);
    }

    /** The same report opened by these paragraphs (the demo tells its story with the measured figures). */
    public Report withIntroduction(List<String> paragraphs) {
        return new Report(title, generatedAt, verdict, verdictNote, models, datasets, timings, versions, paragraphs,
                checks, run, diagnoses);
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
