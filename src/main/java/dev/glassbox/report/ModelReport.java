package dev.glassbox.report;

import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.evaluation.Evaluation;
import java.util.List;

/**
 * What the report found about one model.
 *
 * @param name        the name readers see
 * @param file        the model file as given
 * @param sha256      the file's SHA-256 in hex, or null when it is not a readable file
 * @param input       the input it takes, in words
 * @param evaluations one per data set, in data set order
 * @param gallery     explained predictions: per data set, per class, correct then wrong, most confident first
 * @param neurons     what groups of its neurons respond to ({@link NeuronReport#NONE} when not examined)
 * @param counterparts where the report compares two models, for the second: the first model's gallery mistakes as
 *                    this model answers and explains them (the same pictures under both models); else empty
 */
public record ModelReport(String name, String file, String sha256, String input, List<Evaluation> evaluations,
                          List<GallerySample> gallery, NeuronReport neurons, List<GallerySample> counterparts) {

    public ModelReport {
        evaluations = List.copyOf(evaluations);
        gallery = List.copyOf(gallery);
        neurons = neurons == null ? NeuronReport.NONE : neurons;
        counterparts = List.copyOf(counterparts);
    }

    /** A model report without counterparts. */
    public ModelReport(String name, String file, String sha256, String input, List<Evaluation> evaluations,
                       List<GallerySample> gallery, NeuronReport neurons) {
        this(name, file, sha256, input, evaluations, gallery, neurons, List.of());
    }

    /** A model report without a neuron analysis. */
    public ModelReport(String name, String file, String sha256, String input, List<Evaluation> evaluations,
                       List<GallerySample> gallery) {
        this(name, file, sha256, input, evaluations, gallery, NeuronReport.NONE);
    }

    public ModelReport withNeurons(NeuronReport neurons) {
        return new ModelReport(name, file, sha256, input, evaluations, gallery, neurons, counterparts);
    }

    public Evaluation evaluation(String dataset) {
        return evaluations.stream().filter(e -> e.dataset().equals(dataset)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model '" + name + "' has no evaluation on '"
                        + dataset + "'"));
    }
}
