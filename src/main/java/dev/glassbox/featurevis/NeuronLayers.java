package dev.glassbox.featurevis;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.LayerInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which layers a model's neuron groups come from: the config's names, checked, or Glassbox's own choice. */
public final class NeuronLayers {

    /** The word that lets Glassbox choose. */
    public static final String AUTO = "auto";

    private NeuronLayers() {
    }

    /**
     * The layers to group, in the network's order.
     *
     * @param requested layer names, or {@code auto} among them for {@link #automatic}
     * @param groups    groups per layer, or 0 where a layer with fewer channels may simply have fewer groups
     * @param source    what the names come from, to start messages ("demo.yaml")
     * @param model     the model's name, for messages
     * @throws GlassboxException (exit 2) for a name that is not a layer with height and width, or too many groups
     */
    public static List<String> resolve(GradientEngine engine, List<String> requested, int groups, String source,
                                       String model) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> valid = engine.spatialLayers().stream().map(LayerInfo::name).toList();
        for (String name : requested) {
            if (name.equals(AUTO)) {
                chosen.addAll(automatic(engine));
                continue;
            }
            if (!valid.contains(name)) {
                boolean exists = engine.layers().stream().anyMatch(l -> l.name().equals(name));
                throw GlassboxException.usage(source + ": neurons.layers: " + (exists
                        ? "layer '" + name + "' of " + model + " has no height and width (" + engine.layer(name)
                                .shapeText() + "), so its neurons cannot be shown on images"
                        : model + " has no layer '" + name + "'") + "; layers with height and width are "
                        + (valid.isEmpty() ? "none" : String.join(", ", valid)));
            }
            chosen.add(name);
        }
        List<String> ordered = new ArrayList<>();
        for (String name : valid) {
            if (chosen.contains(name)) {
                long channels = engine.layer(name).channels();
                if (groups > channels) {
                    throw GlassboxException.usage(source + ": neurons.groups: " + groups + " groups for layer '" + name
                            + "' of " + model + ", which has " + channels + " channels; choose at most " + channels);
                }
                ordered.add(name);
            }
        }
        return List.copyOf(ordered);
    }

    /**
     * The last two stages with height and width: consecutive layers with the same number of channels form a stage
     * (a convolution, its activation, batch normalization, pooling), and each stage is represented by its last layer
     * at the stage's full size (after the activation, before the pooling, where positions are finest).
     */
    public static List<String> automatic(GradientEngine engine) {
        List<LayerInfo> spatial = engine.spatialLayers();
        List<String> stages = new ArrayList<>();
        int i = 0;
        while (i < spatial.size()) {
            long channels = spatial.get(i).channels();
            LayerInfo best = spatial.get(i);
            int j = i;
            while (j < spatial.size() && spatial.get(j).channels() == channels) {
                if (area(spatial.get(j)) >= area(best)) {
                    best = spatial.get(j);
                }
                j++;
            }
            stages.add(best.name());
            i = j;
        }
        return List.copyOf(stages.subList(Math.max(0, stages.size() - 2), stages.size()));
    }

    private static long area(LayerInfo layer) {
        long[] size = layer.spatialSize();
        return size[0] * size[1];
    }
}
