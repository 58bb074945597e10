package dev.glassbox.diagnosis;

import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.DatasetRun;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.imaging.Pictures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Diagnoses one or two models on the same data sets: discovers candidate cues, tests them by removal and
 * transplant on the same pictures for every model, judges them ({@link Rules}), compares the models, and ranks each
 * model's problems by the wrong answers they cost. All forward passes go through {@link CheckContext#predict} in
 * batches; attribution only for the class-mean maps.
 */
public final class Diagnoser {

    private final DiagnosisSettings settings;

    public Diagnoser(DiagnosisSettings settings) {
        this.settings = settings;
    }

    /**
     * @param contexts one per model, each with its evaluation of the same data sets in the same order
     * @param methods  per model, the attribution method of its class-mean maps
     * @param pictures where evidence pictures go
     */
    public Diagnosis run(List<CheckContext> contexts, List<MethodSpec> methods, Pictures pictures) {
        if (!settings.enabled() || contexts.isEmpty()) {
            return Diagnosis.NONE;
        }
        int deploy = deployment(contexts);
        List<DatasetSample> samples = new ArrayList<>();
        List<Signals> signals = new ArrayList<>();
        List<List<List<Trial>>> trials = new ArrayList<>(); // [model][dataset] -> trials
        for (int m = 0; m < contexts.size(); m++) {
            signals.add(new Signals());
            trials.add(new ArrayList<>());
        }
        for (int d = 0; d < contexts.get(0).datasets().size(); d++) {
            DatasetSample sample = new DatasetSample(contexts.get(0).datasets().get(d).data(), d, settings,
                    settings.seed() + 7919L * d);
            samples.add(sample);
            List<List<Trial>> asked = measure(sample, d, contexts, methods, signals);
            for (int m = 0; m < contexts.size(); m++) {
                trials.get(m).add(asked.get(m));
            }
        }
        List<Measures> measures = new ArrayList<>();
        for (int m = 0; m < contexts.size(); m++) {
            measures.add(new Measures(contexts.get(m).modelName(), contexts.get(m).datasets(), trials.get(m)));
        }
        return judge(measures, signals, deploy, new EvidencePictures(pictures, samples), samples);
    }

    /**
     * One data set: the signals (data properties, each model's attribution), the removals, then the transplants of
     * the cues something points at; per model, its trials.
     */
    private List<List<Trial>> measure(DatasetSample sample, int d, List<CheckContext> contexts,
                                      List<MethodSpec> methods, List<Signals> signals) {
        Signals properties = DataProperties.measure(sample);
        List<Probes.Spot> spots = new ArrayList<>();
        for (int m = 0; m < contexts.size(); m++) {
            contexts.get(m).progress().update("Diagnosing " + contexts.get(m).modelName() + " on "
                    + sample.data.name(), 0, 1);
            AttributionSignals a = AttributionSignals.measure(sample, contexts.get(m), methods.get(m),
                    settings.attributionImages());
            signals.get(m).addAll(properties);
            signals.get(m).addAll(a.signals);
            a.spots.stream().filter(s -> !spots.contains(s)).forEach(spots::add);
        }
        Probes probes = new Probes(sample);
        List<List<Trial>> removed = Trials.run(sample, probes.removals(spots), contexts, d);
        List<Probe> moves = probes.transplants(spots, new CueCandidates(sample, removed, signals));
        List<List<Trial>> moved = Trials.run(sample, moves, contexts, d);
        List<List<Trial>> asked = new ArrayList<>();
        for (int m = 0; m < contexts.size(); m++) {
            List<Trial> both = new ArrayList<>(removed.get(m));
            both.addAll(moved.get(m));
            asked.add(both);
            contexts.get(m).progress().update("Diagnosing " + contexts.get(m).modelName() + " on "
                    + sample.data.name(), 1, 1);
        }
        return asked;
    }

    /** Each model's problems: found, ranked, compared with the other model, illustrated and worded. */
    private Diagnosis judge(List<Measures> measures, List<Signals> signals, int deploy, EvidencePictures evidence,
                            List<DatasetSample> samples) {
        List<Problem> problems = new ArrayList<>();
        List<Finding> kept = new ArrayList<>();
        for (int m = 0; m < measures.size(); m++) {
            Measures other = measures.size() == 2 ? measures.get(1 - m) : null;
            List<Finding> found = new Findings(settings, deploy, signals.get(m)).of(measures.get(m), other);
            for (Finding f : ranked(found)) {
                Problem p = f.problem();
                if (other != null) {
                    p = p.compared(Comparisons.of(f, measures.get(m), other, deploy));
                }
                p = p.withEvidence(evidence.of(f, "diagnosis/m" + m + "/", "p" + p.rank(), measures.get(m), other));
                p = ProblemWording.word(p);
                problems.add(p);
                kept.add(f.with(p));
            }
        }
        return new Diagnosis(problems, kept, samples);
    }

    /**
     * Shortcuts first, then weak classes, then fragilities (an edit that hurts every class alike is a weakness of
     * the model, not a wrong lesson); within each, by expected wrong answers, most first.
     */
    private static List<Finding> ranked(List<Finding> found) {
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt((Finding f) -> f.problem().kind().ordinal() == 0 ? 0
                        : f.problem().kind() == Problem.Kind.WEAK_CLASS ? 1 : 2)
                .thenComparing(f -> -f.problem().harm().expected())
                .thenComparing(f -> String.valueOf(f.problem().className()))
                .thenComparing(f -> f.problem().cue() == null ? "" : f.problem().cue().label()));
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i).with(sorted.get(i).problem().ranked(i + 1)));
        }
        return out;
    }

    /**
     * The data set named in the settings, else the one the models do worst on (mean accuracy; the first of equal
     * ones): where a shortcut stops helping, which is what deployment is like.
     */
    private int deployment(List<CheckContext> contexts) {
        List<DatasetRun> runs = contexts.get(0).datasets();
        if (settings.deployment() != null) {
            for (int d = 0; d < runs.size(); d++) {
                if (runs.get(d).name().equals(settings.deployment())) {
                    return d;
                }
            }
            throw new IllegalArgumentException("no data set '" + settings.deployment() + "'");
        }
        int worst = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int d = 0; d < runs.size(); d++) {
            double mean = 0;
            for (CheckContext c : contexts) {
                mean += c.datasets().get(d).evaluation().accuracy() / contexts.size();
            }
            if (mean < lowest) {
                lowest = mean;
                worst = d;
            }
        }
        return worst;
    }
}
