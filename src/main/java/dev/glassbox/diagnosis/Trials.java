package dev.glassbox.diagnosis;

import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.DatasetRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks every model about every probe of a data set. The edited pictures are made once, a block at a time, and each
 * block goes to every model in batches; memory holds one block, whatever the number of probes. A control that is the
 * same picture for several probes is asked once, and an interventions edit every model was already asked about (by
 * the interventions check, on the same seeded sample) is not asked again.
 */
final class Trials {

    /** Edited pictures held at once. */
    static final int BLOCK = 1024;

    private final DatasetSample sample;
    private final List<Probe> probes;
    private final List<CheckContext> contexts;
    private final int[][][] after;
    private final int[][][] control;
    /** Per probe and row, the index of its shared control, or -1. */
    private final int[][] sharedOf;
    /** Per model, the answer on each shared control. */
    private final int[][] shared;
    private final List<float[]> block = new ArrayList<>();
    private final List<int[]> slots = new ArrayList<>(); // {probe, row, 0 edited | 1 control} or {shared, -1, 2}

    private Trials(DatasetSample sample, List<Probe> probes, List<CheckContext> contexts) {
        this.sample = sample;
        this.probes = probes;
        this.contexts = contexts;
        int models = contexts.size();
        after = new int[models][probes.size()][];
        control = new int[models][probes.size()][];
        sharedOf = new int[probes.size()][];
        Map<Long, Integer> keys = new HashMap<>();
        for (int p = 0; p < probes.size(); p++) {
            Probe probe = probes.get(p);
            sharedOf[p] = new int[probe.size()];
            for (int row = 0; row < probe.size(); row++) {
                sharedOf[p][row] = probe.shared() == null ? -1
                        : keys.computeIfAbsent(probe.shared().key(row), k -> keys.size());
            }
            for (int m = 0; m < models; m++) {
                after[m][p] = new int[probe.size()];
                control[m][p] = probe.transplant() ? new int[probe.size()] : null;
            }
        }
        shared = new int[models][keys.size()];
    }

    /**
     * One list of trials per model, each in probe order.
     *
     * @param contexts the models, each with its evaluation of the data set at {@code dataset}
     */
    static List<List<Trial>> run(DatasetSample sample, List<Probe> probes, List<CheckContext> contexts, int dataset) {
        return new Trials(sample, probes, contexts).ask(dataset);
    }

    private List<List<Trial>> ask(int dataset) {
        boolean[] queued = new boolean[shared[0].length];
        for (int p = 0; p < probes.size(); p++) {
            Probe probe = probes.get(p);
            for (int row = 0; row < probe.size(); row++) {
                if (!remembered(probe, p, row)) {
                    add(probe.edited().make(row), new int[] {p, row, 0});
                }
                int s = sharedOf[p][row];
                if (probe.transplant() && s < 0) {
                    add(probe.control().make(row), new int[] {p, row, 1});
                } else if (s >= 0 && !queued[s]) {
                    queued[s] = true;
                    add(probe.control().make(row), new int[] {s, -1, 2});
                }
            }
        }
        flush();
        List<List<Trial>> out = new ArrayList<>();
        for (int m = 0; m < contexts.size(); m++) {
            DatasetRun run = contexts.get(m).datasets().get(dataset);
            List<Trial> trials = new ArrayList<>();
            for (int p = 0; p < probes.size(); p++) {
                Probe probe = probes.get(p);
                int[] before = new int[probe.size()];
                for (int row = 0; row < probe.size(); row++) {
                    before[row] = run.predictions().predicted(probe.pictures()[row]);
                    if (sharedOf[p][row] >= 0) {
                        control[m][p][row] = shared[m][sharedOf[p][row]];
                    }
                }
                trials.add(new Trial(probe, run.name(), before, after[m][p], control[m][p]));
            }
            out.add(trials);
        }
        return out;
    }

    /** Whether every model answered this edit of this picture already (the interventions check did); if so, noted. */
    private boolean remembered(Probe probe, int p, int row) {
        if (probe.edit() == null) {
            return false;
        }
        int[] known = new int[contexts.size()];
        for (int m = 0; m < contexts.size(); m++) {
            var a = contexts.get(m).editAnswers().answer(sample.data.name(), probe.pictures()[row],
                    probe.edit().edit(), probe.edit().variant());
            if (a.isEmpty()) {
                return false;
            }
            known[m] = a.getAsInt();
        }
        for (int m = 0; m < contexts.size(); m++) {
            after[m][p][row] = known[m];
        }
        return true;
    }

    private void add(float[] picture, int[] slot) {
        block.add(picture);
        slots.add(slot);
        if (block.size() == BLOCK) {
            flush();
        }
    }

    private void flush() {
        if (block.isEmpty()) {
            return;
        }
        float[][] pixels = block.toArray(float[][]::new);
        for (int m = 0; m < contexts.size(); m++) {
            CheckContext context = contexts.get(m);
            int[] answers = context.predict(context.modelInput(sample.data, pixels));
            for (int i = 0; i < answers.length; i++) {
                int[] slot = slots.get(i);
                switch (slot[2]) {
                    case 0 -> after[m][slot[0]][slot[1]] = answers[i];
                    case 1 -> control[m][slot[0]][slot[1]] = answers[i];
                    default -> shared[m][slot[0]] = answers[i];
                }
            }
        }
        block.clear();
        slots.clear();
    }
}
