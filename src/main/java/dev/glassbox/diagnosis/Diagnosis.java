package dev.glassbox.diagnosis;

import dev.glassbox.data.LabelledImages;
import java.util.List;
import java.util.Optional;

/**
 * The diagnosis of a run: every model's problems, ranked per model, and the means to remake the pictures behind a
 * problem (for measures that come later, such as which neuron groups follow its cue).
 */
public final class Diagnosis {

    /** No diagnosis (it was switched off). */
    public static final Diagnosis NONE = new Diagnosis(List.of(), List.of(), List.of());

    /**
     * The same pictures with a problem's cue and without it: for a cue proved by transplant, other classes' pictures
     * with the cue put in and with the control edit instead; for one proved by removal, the class's pictures as they
     * are and with the cue removed. {@code places} holds, per picture, where the cue is ({@code [height * width]}).
     */
    public record CuePictures(LabelledImages data, float[][] withCue, float[][] withoutCue, boolean[][] places) {}

    private final List<Problem> problems;
    private final List<Finding> findings;
    private final List<DatasetSample> samples;

    Diagnosis(List<Problem> problems, List<Finding> findings, List<DatasetSample> samples) {
        this.problems = List.copyOf(problems);
        this.findings = List.copyOf(findings);
        this.samples = List.copyOf(samples);
    }

    /** Every model's problems, model by model, each model's ranked from 1. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> problemsOf(String model) {
        return problems.stream().filter(p -> p.model().equals(model)).toList();
    }

    /** Whether the model has a confirmed shortcut. */
    public boolean hasShortcut(String model) {
        return problemsOf(model).stream().anyMatch(p -> p.kind() == Problem.Kind.SHORTCUT);
    }

    /** The pictures behind a shortcut (up to {@code limit} of them), or empty for any other problem. */
    public Optional<CuePictures> pictures(Problem problem, int limit) {
        int at = problems.indexOf(problem);
        if (at < 0 || problem.kind() != Problem.Kind.SHORTCUT) {
            return Optional.empty();
        }
        Finding f = findings.get(at);
        DatasetSample s = samples.get(f.dataset());
        Trial trial = f.transplant() != null ? f.transplant() : f.removals().isEmpty() ? null : f.removals().get(0);
        if (trial == null) {
            return Optional.empty();
        }
        Probe probe = trial.probe();
        int n = Math.min(limit, probe.size());
        float[][] with = new float[n][];
        float[][] without = new float[n][];
        boolean[][] places = new boolean[n][];
        for (int row = 0; row < n; row++) {
            places[row] = probe.where().of(row);
            with[row] = probe.transplant() ? probe.edited().make(row) : s.pixels(probe.pictures()[row]);
            without[row] = probe.transplant() ? probe.control().make(row) : probe.edited().make(row);
        }
        return Optional.of(new CuePictures(s.data, with, without, places));
    }
}
