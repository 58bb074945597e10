package dev.glassbox.battery;

import dev.glassbox.diagnosis.Diagnosis;
import dev.glassbox.diagnosis.Problem;
import dev.glassbox.evaluation.FalseDiscovery;
import dev.glassbox.evaluation.McNemar;
import dev.glassbox.featurevis.ClassReliance;
import dev.glassbox.featurevis.GroupActivity;
import dev.glassbox.featurevis.GroupFlag;
import dev.glassbox.featurevis.LayerGroups;
import dev.glassbox.featurevis.NeuronGroup;
import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.model.ModelUnderTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags the neuron groups that deserve a look, from measurements only: a group <em>tracks a cue</em> when, on the same
 * pictures, it is more active where a diagnosed shortcut's cue sits with the cue than without it (a one-sided sign
 * test over the paired pictures, among all of a model's groups and cues at the diagnosis's false-discovery rate) and
 * at least half as much again; a class's <em>reliance differs</em> when it has a shortcut in this model and not in the
 * other, and leans on this group (its most relied-on in the layer) at least half as much again as on any group of the
 * same layer in the other model. Every other group stays unflagged.
 */
final class NeuronFlagsStage {

    /**
     * "Half as much again": a tracking group is at least this many times as active with the cue as without it, and a
     * class leans on a flagged group at least this many times as much as on any group of the other model.
     */
    static final double TRACKS_RISE = 1.5;

    private final RunPlan plan;

    NeuronFlagsStage(RunPlan plan) {
        this.plan = plan;
    }

    List<NeuronReport> run(List<ModelUnderTest> models, List<NeuronReport> neurons, Diagnosis diagnosis) {
        List<NeuronReport> out = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            NeuronReport mine = neurons.get(m);
            if (mine.isEmpty() || diagnosis.problemsOf(models.get(m).name()).isEmpty()) {
                out.add(mine);
                continue;
            }
            Map<String, List<GroupFlag>> flags = new HashMap<>();
            tracking(models.get(m), mine, diagnosis, flags);
            if (models.size() == 2) {
                reliance(models.get(m).name(), mine, neurons.get(1 - m), diagnosis, models.get(1 - m).name(), flags);
            }
            out.add(flagged(mine, flags));
        }
        return out;
    }

    private record Test(String key, GroupFlag flag) {}

    private void tracking(ModelUnderTest model, NeuronReport neurons, Diagnosis diagnosis,
                          Map<String, List<GroupFlag>> flags) {
        List<Test> tests = new ArrayList<>();
        for (Problem p : diagnosis.problemsOf(model.name())) {
            var pictures = diagnosis.pictures(p, plan.diagnosis().transplantImages());
            if (pictures.isEmpty()) {
                continue;
            }
            var data = pictures.get().data();
            var with = data.toModelInput(pictures.get().withCue(), model.engine().input(),
                    model.engine().dataType(), model.name());
            var without = data.toModelInput(pictures.get().withoutCue(), model.engine().input(),
                    model.engine().dataType(), model.name());
            for (LayerGroups layer : neurons.layers()) {
                double[][] directions = layer.groups().stream().map(NeuronGroup::direction).toArray(double[][]::new);
                if (directions.length == 0 || directions[0].length == 0) {
                    continue;
                }
                boolean[][] places = pictures.get().places();
                int h = data.input().height();
                int w = data.input().width();
                double[][] a = GroupActivity.of(model.engine(), layer.layer(), directions, with, plan.batchSize(),
                        places, h, w);
                double[][] b = GroupActivity.of(model.engine(), layer.layer(), directions, without, plan.batchSize(),
                        places, h, w);
                for (int g = 0; g < directions.length; g++) {
                    tests.add(new Test(key(layer.layer(), g), paired(p, a, b, g)));
                }
            }
        }
        boolean[] found = FalseDiscovery.discoveries(tests.stream().mapToDouble(t -> t.flag().p()).toArray(),
                plan.diagnosis().falseDiscovery());
        for (int i = 0; i < found.length; i++) {
            GroupFlag f = tests.get(i).flag();
            if (found[i] && f.with() > 0 && f.with() >= TRACKS_RISE * Math.max(0, f.without())) {
                flags.computeIfAbsent(tests.get(i).key(), k -> new ArrayList<>()).add(f);
            }
        }
    }

    private static GroupFlag paired(Problem p, double[][] with, double[][] without, int g) {
        int up = 0;
        int down = 0;
        double sumWith = 0;
        double sumWithout = 0;
        for (int i = 0; i < with.length; i++) {
            up += with[i][g] > without[i][g] ? 1 : 0;
            down += with[i][g] < without[i][g] ? 1 : 0;
            sumWith += with[i][g];
            sumWithout += without[i][g];
        }
        return new GroupFlag(GroupFlag.TRACKS_CUE, p.className(), p.cue().label(), sumWith / with.length,
                sumWithout / with.length, with.length, McNemar.of(up, down).pFirst());
    }

    private static void reliance(String model, NeuronReport mine, NeuronReport theirs, Diagnosis diagnosis,
                                 String other, Map<String, List<GroupFlag>> flags) {
        if (theirs.isEmpty()) {
            return;
        }
        for (Problem p : diagnosis.problemsOf(model)) {
            if (p.kind() != Problem.Kind.SHORTCUT || diagnosis.problemsOf(other).stream().anyMatch(q ->
                    q.kind() == Problem.Kind.SHORTCUT && p.className().equals(q.className()))) {
                continue;
            }
            for (LayerGroups layer : mine.layers()) {
                LayerGroups same = theirs.layers().stream().filter(l -> l.layer().equals(layer.layer())).findFirst()
                        .orElse(null);
                if (same == null || layer.groups().isEmpty()) {
                    continue;
                }
                int best = 0;
                for (int g = 1; g < layer.groups().size(); g++) {
                    if (share(layer.groups().get(g), p.className()) > share(layer.groups().get(best), p.className())) {
                        best = g;
                    }
                }
                double top = share(layer.groups().get(best), p.className());
                double theirTop = same.groups().stream().mapToDouble(g -> share(g, p.className())).max().orElse(0);
                if (top > 0 && top >= TRACKS_RISE * Math.max(0, theirTop)) {
                    flags.computeIfAbsent(key(layer.layer(), best), k -> new ArrayList<>()).add(new GroupFlag(
                            GroupFlag.RELIANCE_DIFFERS, p.className(), null, top, theirTop, 0, Double.NaN));
                }
            }
        }
    }

    private static double share(NeuronGroup g, String className) {
        return g.classes().stream().filter(c -> c.className().equals(className)).mapToDouble(ClassReliance::share)
                .findFirst().orElse(0);
    }

    private static NeuronReport flagged(NeuronReport report, Map<String, List<GroupFlag>> flags) {
        List<LayerGroups> layers = new ArrayList<>();
        for (LayerGroups l : report.layers()) {
            List<NeuronGroup> groups = new ArrayList<>();
            for (int g = 0; g < l.groups().size(); g++) {
                groups.add(l.groups().get(g).withFlags(flags.getOrDefault(key(l.layer(), g), List.of())));
            }
            layers.add(l.withGroups(groups));
        }
        return report.withLayers(layers);
    }

    private static String key(String layer, int group) {
        return layer + "#" + group;
    }
}
