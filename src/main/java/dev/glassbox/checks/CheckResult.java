package dev.glassbox.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One outcome of a check: for a model, on a data set, for a class or an attribution method (or for the whole model).
 *
 * @param check     the check's id ("interventions")
 * @param model     the model's name
 * @param dataset   the data set it was measured on, or null when it is not about one data set
 * @param className the class it is about, or null
 * @param method    the attribution method it is about, or null
 * @param status    pass, warn, fail, error or skipped
 * @param value     the measured figure compared with the threshold, or null (skipped, error)
 * @param threshold the threshold it was compared with, or null
 * @param finding   one plain-language sentence with the numbers: what was measured, what it means, and, for a warn
 *                  or fail, what to do about it
 * @param evidence  pictures that back the finding (may be empty)
 * @param details   further named figures (pointing-game hit rate, per-edit flip rates, ...), in display order
 * @param charts    charts that back the finding (a reliability diagram, deletion curves), drawn by the site
 */
public record CheckResult(String check, String model, String dataset, String className, String method,
                          CheckStatus status, Double value, Double threshold, String finding, List<Evidence> evidence,
                          Map<String, Double> details, List<CheckChart> charts) {

    public CheckResult {
        Objects.requireNonNull(check);
        Objects.requireNonNull(model);
        Objects.requireNonNull(status);
        Objects.requireNonNull(finding);
        evidence = List.copyOf(evidence);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        charts = List.copyOf(charts);
    }

    /**
     * What a result is about: a check on a model, and where given a data set, a class and an attribution method.
     * Results are made from it: {@code Subject.of("focus", model).on(dataset).forClass("star").result(...)}.
     */
    public record Subject(String check, String model, String dataset, String className, String method) {

        public static Subject of(String check, String model) {
            return new Subject(check, model, null, null, null);
        }

        public Subject on(String dataset) {
            return new Subject(check, model, dataset, className, method);
        }

        public Subject forClass(String name) {
            return new Subject(check, model, dataset, name, method);
        }

        public Subject forMethod(String name) {
            return new Subject(check, model, dataset, className, name);
        }

        /** A measured result: the figure and the threshold it was held against (either may be null). */
        public CheckResult result(CheckStatus status, Double value, Double threshold, String finding) {
            return new CheckResult(check, model, dataset, className, method, status, value, threshold, finding,
                    List.of(), Map.of(), List.of());
        }

        /** A result that could not be measured here, saying why; the threshold it would have been held against. */
        public CheckResult skipped(Double threshold, String finding) {
            return result(CheckStatus.SKIPPED, null, threshold, finding);
        }
    }

    /** The result of a check that broke: status error, no figures, the sentence says what happened. */
    public static CheckResult broken(String check, String model, String finding) {
        return Subject.of(check, model).result(CheckStatus.ERROR, null, null, finding);
    }

    /** The same result with pictures that back it. */
    public CheckResult withEvidence(List<Evidence> pictures) {
        return new CheckResult(check, model, dataset, className, method, status, value, threshold, finding, pictures,
                details, charts);
    }

    /** The same result with further named figures, in display order. */
    public CheckResult withDetails(Map<String, Double> figures) {
        return new CheckResult(check, model, dataset, className, method, status, value, threshold, finding, evidence,
                figures, charts);
    }

    /** The same result with charts that back it. */
    public CheckResult withCharts(List<CheckChart> drawn) {
        return new CheckResult(check, model, dataset, className, method, status, value, threshold, finding, evidence,
                details, drawn);
    }

    /**
     * What the result is about, for matching the same result between two models (the compare page) and naming a JUnit
     * test case: check, data set, class and method, the absent ones left out ("focus · test-clean · star · saliency").
     */
    public String key() {
        StringBuilder b = new StringBuilder(check);
        for (String part : new String[] {dataset, className, method}) {
            if (part != null) {
                b.append(" · ").append(part);
            }
        }
        return b.toString();
    }

    /** Whether the result is a problem a reader should see among the findings: a warn, fail or error. */
    public boolean isFinding() {
        return status == CheckStatus.WARN || status == CheckStatus.FAIL || status == CheckStatus.ERROR;
    }
}
