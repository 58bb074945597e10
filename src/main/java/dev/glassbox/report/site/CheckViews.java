package dev.glassbox.report.site;

import dev.glassbox.checks.CheckChart;
import dev.glassbox.checks.CheckDefinition;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Checks;
import dev.glassbox.checks.Evidence;
import dev.glassbox.report.Report;
import dev.glassbox.report.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The report's check results as the pages show them, built once per site: each check's page
 * ({@code check-interventions.html}, listed by {@code checks.html}), each result's anchor on it, its figures as text,
 * its pictures and the files its charts are drawn into. Every page that mentions a result links to the same anchor.
 */
final class CheckViews {

    static final String PAGE = "checks.html";
    static final String CHART_FOLDER = "img/charts/";

    /** A chart to draw, and where. */
    record ChartFile(String path, CheckChart chart) {}

    private final Report report;
    /** Each check's page, by check id: the registry's checks in its order, then any check it does not know. */
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<ResultView> views;
    private final List<ChartFile> chartFiles = new ArrayList<>();

    /**
     * @param pictureExists whether an evidence picture path is a file of the site; one that is not is shown as its
     *                      caption only, so a page never has a broken picture
     */
    CheckViews(Report report, Predicate<String> pictureExists) {
        this.report = report;
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (CheckDefinition d : Checks.definitions()) {
            files.put(d.id(), fileFor(d.id(), taken));
        }
        for (CheckResult r : report.checks()) {
            files.computeIfAbsent(r.check(), id -> fileFor(id, taken));
        }
        List<ResultView> v = new ArrayList<>();
        Map<String, Integer> perModel = new HashMap<>();
        for (int i = 0; i < report.checks().size(); i++) {
            CheckResult r = report.checks().get(i);
            int model = modelIndex(r.model());
            // Numbered within the model, so a model's anchors do not move when another model gains a result.
            String anchor = model < 0 ? "r" + i : "m" + model + "-r" + perModel.merge(r.model(), 1, Integer::sum);
            v.add(view(r, anchor, pictureExists));
        }
        this.views = List.copyOf(v);
    }

    /** The results in report order. */
    List<ResultView> all() {
        return views;
    }

    /** The view of one of the report's results. */
    ResultView of(CheckResult r) {
        return views.get(indexOf(r));
    }

    List<ChartFile> chartFiles() {
        return List.copyOf(chartFiles);
    }

    /** The results a reader should see first: fails, then errors, then warnings, each in report order. */
    List<ResultView> findings() {
        List<ResultView> found = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            if (report.checks().get(i).isFinding()) {
                found.add(views.get(i));
            }
        }
        found.sort(Comparator.comparingInt(v -> switch (v.status().id()) {
            case "fail" -> 0;
            case "error" -> 1;
            default -> 2;
        }));
        return found;
    }

    /** What the overview says above its findings: how many, or plainly that there is nothing to report. */
    String findingsNote() {
        List<CheckResult> checks = report.checks();
        long ran = checks.stream().filter(c -> c.status() != CheckStatus.SKIPPED).count();
        long skipped = checks.size() - ran;
        long found = checks.stream().filter(CheckResult::isFinding).count();
        String skippedNote = skipped == 0 ? "" : " " + count(skipped, "check result") + " could not be measured"
                + " (skipped); the checks page says why.";
        if (ran == 0) {
            return "No checks ran, so there is nothing to report and no verdict." + skippedNote;
        }
        if (found == 0) {
            return "Nothing to report: all " + count(ran, "check result") + " passed." + skippedNote;
        }
        return found + " of the " + count(ran, "check result") + (found == 1 ? " needs" : " need")
                + " a look, the most serious first. Each says what was"
                + " measured and what it means; follow its link for the figures and pictures behind it."
                + skippedNote;
    }

    /** Each check of the registry in order, then any check it does not know, with its results. */
    List<CheckSection> sections() {
        Map<String, List<ResultView>> byCheck = new LinkedHashMap<>();
        files.keySet().forEach(id -> byCheck.put(id, new ArrayList<>()));
        for (ResultView v : views) {
            byCheck.get(v.checkId()).add(v);
        }
        List<CheckSection> sections = new ArrayList<>();
        for (Map.Entry<String, List<ResultView>> e : byCheck.entrySet()) {
            CheckDefinition d = Checks.definition(e.getKey()).orElse(null);
            List<ResultView> results = e.getValue();
            Map<String, List<ResultView>> perModel = new LinkedHashMap<>();
            results.forEach(r -> perModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r));
            List<CheckSection.ModelResults> groups = perModel.entrySet().stream()
                    .map(g -> new CheckSection.ModelResults(g.getKey(), List.copyOf(g.getValue()))).toList();
            sections.add(new CheckSection(files.get(e.getKey()), d == null ? e.getKey() : d.title(),
                    d == null ? "" : d.description(), worst(results), summary(results), groups,
                    results.stream().anyMatch(ResultView::hasHeatmap)));
        }
        return sections;
    }

    /** The page of one check. */
    String fileOf(String checkId) {
        return files.get(checkId);
    }

    /** A page name from a check id: ASCII, unique among the checks. */
    private static String fileFor(String checkId, java.util.Set<String> taken) {
        String file = "check-" + asciiId(checkId) + ".html";
        for (int n = 2; !taken.add(file); n++) {
            file = "check-" + asciiId(checkId) + "-" + n + ".html";
        }
        return file;
    }

    /** Methods whose pictures failed the sanity check, per model. */
    List<Untrusted> untrusted() {
        List<Untrusted> out = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            CheckResult r = report.checks().get(i);
            if (r.check().equals("sanity") && r.method() != null && r.status() == CheckStatus.FAIL) {
                out.add(new Untrusted(r.method(), r.model(), r.finding(), views.get(i).href()));
            }
        }
        return out;
    }

    /** The attribution methods the results are about, in order of first mention. */
    List<String> methods() {
        return report.checks().stream().map(CheckResult::method).filter(java.util.Objects::nonNull).distinct()
                .toList();
    }

    private int indexOf(CheckResult r) {
        for (int i = 0; i < report.checks().size(); i++) {
            if (report.checks().get(i) == r) {
                return i;
            }
        }
        int equal = report.checks().indexOf(r);
        if (equal >= 0) {
            return equal;
        }
        throw new IllegalArgumentException("not a result of this report: " + r.key());
    }

    private int modelIndex(String name) {
        for (int i = 0; i < report.models().size(); i++) {
            if (report.models().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private ResultView view(CheckResult r, String anchor, Predicate<String> pictureExists) {
        String title = Checks.definition(r.check()).map(CheckDefinition::title).orElse(r.check());
        List<ResultView.Detail> details = r.details().entrySet().stream()
                .map(e -> new ResultView.Detail(e.getKey(), Sentences.figure(e.getValue()))).toList();
        List<ResultView.Picture> pictures = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            boolean shown = isSitePicture(e.picture()) && pictureExists.test(e.picture());
            pictures.add(new ResultView.Picture(shown ? e.picture() : "", e.caption(), shown && e.heatmap()));
        }
        List<ResultView.Chart> charts = new ArrayList<>();
        for (int k = 0; k < r.charts().size(); k++) {
            CheckChart c = r.charts().get(k);
            String path = CHART_FOLDER + anchor + "-" + (k + 1) + ".png";
            chartFiles.add(new ChartFile(path, c));
            String lines = c.series().stream().map(s -> s.name() + (s.dashed() ? " (dashed)" : " (solid)"))
                    .collect(Collectors.joining(", "));
            charts.add(new ResultView.Chart(path, c.title(), c.caption(), "Chart: " + c.title() + ", " + c.yLabel()
                    + " against " + c.xLabel() + "; lines: " + lines + ". " + c.caption()));
        }
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {r.dataset(), r.className(), r.method()}) {
            if (p != null) {
                parts.add(p);
            }
        }
        return new ResultView(anchor, files.get(r.check()) + "#" + anchor, r.check(), title, r.model(), orEmpty(r.dataset()),
                orEmpty(r.className()), orEmpty(r.method()),
                parts.isEmpty() ? "the whole model" : String.join(" · ", parts), Badge.of(r.status()),
                Sentences.figure(r.value()), Sentences.figure(r.threshold()), r.finding(), details,
                List.copyOf(pictures), List.copyOf(charts));
    }

    /** A plain relative path inside the site's picture folder: nothing that could leave the site or run script. */
    static boolean isSitePicture(String path) {
        return path.startsWith("img/") && path.matches("[A-Za-z0-9_./-]+") && !path.contains("..")
                && !path.contains("//");
    }

    private static Badge worst(List<ResultView> results) {
        if (results.isEmpty()) {
            return Badge.verdict(Verdict.NOT_RUN);
        }
        CheckStatus worst = CheckStatus.PASS;
        for (ResultView v : results) {
            worst = worst.worse(CheckStatus.byId(v.status().id()));
        }
        return Badge.of(worst);
    }

    private static String summary(List<ResultView> results) {
        if (results.isEmpty()) {
            return "This check did not run for this report: the battery config does not ask for it.";
        }
        return count(results.size(), "result") + ": " + counts(results) + ".";
    }

    /** "1 failed, 3 passed": the results by status, the worst first. */
    static String counts(List<ResultView> results) {
        Map<String, Long> byStatus = results.stream()
                .collect(Collectors.groupingBy(v -> v.status().id(), LinkedHashMap::new, Collectors.counting()));
        List<String> parts = new ArrayList<>();
        for (String[] s : new String[][] {{"fail", "failed"}, {"error", "broke (error)"}, {"warn", "warned"},
                {"skipped", "skipped"}, {"pass", "passed"}}) {
            Long n = byStatus.get(s[0]);
            if (n != null) {
                parts.add(n + " " + s[1]);
            }
        }
        return String.join(", ", parts);
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** An id from a free string: ASCII letters, digits and dashes. */
    static String asciiId(String s) {
        String id = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return id.isEmpty() ? "x" + Integer.toHexString(s.hashCode()) : id;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
