package dev.glassbox.diagnosis;

import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.DatasetRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks every model about every probe of a data set. The edited pictures are made once, a block at a time, and each
 * block goes to every model in batches; memory holds one block, whatever the number of probes.
 */
final class Trials {

    /** Edited pictures held at once. */
    static final int BLOCK = 1024;

    private Trials() {}

    /**
     * One list of trials per model, each in probe order.
     *
     * @param contexts the models, each with its evaluation of the data set at {@code dataset}
     */
    static List<List<Trial>> run(DatasetSample sample, List<Probe> probes, List<CheckContext> contexts, int dataset) {
        int models = contexts.size();
        int[][][] after = new int[models][probes.size()][];
        int[][][] control = new int[models][probes.size()][];
        List<float[]> block = new ArrayList<>();
        List<int[]> slots = new ArrayList<>(); // {probe, row, 0 = edited | 1 = control}
        for (int p = 0; p < probes.size(); p++) {
            Probe probe = probes.get(p);
            for (int m = 0; m < models; m++) {
                after[m][p] = new int[probe.size()];
                control[m][p] = probe.transplant() ? new int[probe.size()] : null;
            }
            for (int row = 0; row < probe.size(); row++) {
                for (int k = 0; k < probe.rowsPerPicture(); k++) {
                    block.add(k == 0 ? probe.edited().make(row) : probe.control().make(row));
                    slots.add(new int[] {p, row, k});
                    if (block.size() == BLOCK) {
                        ask(sample, contexts, block, slots, after, control);
                    }
                }
            }
        }
        ask(sample, contexts, block, slots, after, control);
        List<List<Trial>> out = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            DatasetRun run = contexts.get(m).datasets().get(dataset);
            List<Trial> trials = new ArrayList<>();
            for (int p = 0; p < probes.size(); p++) {
                Probe probe = probes.get(p);
                int[] before = new int[probe.size()];
                for (int row = 0; row < probe.size(); row++) {
                    before[row] = run.predictions().predicted(probe.pictures()[row]);
                }
                trials.add(new Trial(probe, run.name(), before, after[m][p], control[m][p]));
            }
            out.add(trials);
        }
        return out;
    }

    private static void ask(DatasetSample sample, List<CheckContext> contexts, List<float[]> block,
                            List<int[]> slots, int[][][] after, int[][][] control) {
        if (block.isEmpty()) {
            return;
        }
        float[][] pixels = block.toArray(float[][]::new);
        for (int m = 0; m < contexts.size(); m++) {
            CheckContext context = contexts.get(m);
            int[] answers = context.predict(context.modelInput(sample.data, pixels));
            for (int i = 0; i < answers.length; i++) {
                int[] slot = slots.get(i);
                (slot[2] == 0 ? after : control)[m][slot[0]][slot[1]] = answers[i];
            }
        }
        block.clear();
        slots.clear();
    }
}
