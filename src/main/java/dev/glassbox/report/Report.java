package dev.glassbox.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report says, as data: the site, {@code summary.json} and later JUnit XML are renderings of it.
 *
 * @param title       the report's title
 * @param generatedAt when it was made (from {@code SOURCE_DATE_EPOCH} when set)
 * @param verdict     pass, warn, fail, or {@link #NOT_RUN} while no checks exist
 * @param verdictNote one sentence on where the verdict comes from
 * @param models      the models tested, in the order given
 * @param datasets    the data sets they were tested on
 * @param timings     seconds per stage, in the order the stages ran; the only part that varies between runs
 * @param versions    software versions that made the report
 * @param introduction plain-language paragraphs that open the overview: what was tested and why (may be empty)
 */
public record Report(String title, Instant generatedAt, String verdict, String verdictNote, List<ModelReport> models,
                     List<DatasetSummary> datasets, Map<String, Double> timings, Map<String, String> versions,
                     List<String> introduction) {

    /** The verdict while the battery of checks is not part of the report yet. */
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
        if (models.isEmpty() || datasets.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one model and one data set");
        }
    }

    /** The same report with one more stage timed (the site writer adds its own). */
    public Report withTiming(String stage, double seconds) {
        Map<String, Double> t = new LinkedHashMap<>(timings);
        t.put(stage, seconds);
        return new Report(title, generatedAt, verdict, verdictNote, models, datasets, t, versions, introduction);
    }

    /** The same report opened by these paragraphs (the demo tells its story with the measured figures). */
    public Report withIntroduction(List<String> paragraphs) {
        return new Report(title, generatedAt, verdict, verdictNote, models, datasets, timings, versions, paragraphs);
    }

    public String version() {
        return versions.getOrDefault("glassbox", "development");
    }
}
