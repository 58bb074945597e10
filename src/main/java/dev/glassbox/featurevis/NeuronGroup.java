package dev.glassbox.featurevis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One group of neurons: a non-negative direction in a layer's channel space.
 *
 * @param index      1, 2, ... within its layer, most active first
 * @param picture    page-relative path of the picture optimized to raise the group's activation
 * @param objective  the group's mean activation (activation · unit direction, averaged over positions) on the picture
 * @param datasetMax the highest value of the same objective on any data set image
 * @param caption    one sentence, generated from the data, saying what the group responds to
 * @param notes      the evidence behind the caption, one sentence each
 * @param offObject  share of the group's activation outside the object masks, or NaN where the data has no masks
 * @param topChannels the channels with the largest weights in the direction, largest first
 * @param examples   the data set images on which the group is most active, strongest first
 * @param classes    every class with its reliance on the group, most reliant first
 * @param direction  the group's direction in the layer's channel space (non-negative; empty when not kept)
 * @param flags      why the group deserves a look, where something measured says so (it follows a diagnosed cue,
 *                   or a class leans on it far more than on any group of the other model); usually none
 */
public record NeuronGroup(int index, String picture, double objective, double datasetMax, String caption,
                          List<String> notes, double offObject, List<Integer> topChannels,
                          List<GroupExample> examples, List<ClassReliance> classes, double[] direction,
                          List<GroupFlag> flags) {

    /** A group without a kept direction or flags. */
    public NeuronGroup(int index, String picture, double objective, double datasetMax, String caption,
                       List<String> notes, double offObject, List<Integer> topChannels, List<GroupExample> examples,
                       List<ClassReliance> classes) {
        this(index, picture, objective, datasetMax, caption, notes, offObject, topChannels, examples, classes,
                new double[0], List.of());
    }

    public NeuronGroup {
        notes = List.copyOf(notes);
        topChannels = List.copyOf(topChannels);
        examples = List.copyOf(examples);
        classes = List.copyOf(classes);
        direction = direction.clone();
        flags = List.copyOf(flags);
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** Equal when every component is, the direction compared by value (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NeuronGroup g && index == g.index && picture.equals(g.picture)
                && Double.compare(objective, g.objective) == 0 && Double.compare(datasetMax, g.datasetMax) == 0
                && caption.equals(g.caption) && notes.equals(g.notes) && Double.compare(offObject, g.offObject) == 0
                && topChannels.equals(g.topChannels) && examples.equals(g.examples) && classes.equals(g.classes)
                && Arrays.equals(direction, g.direction) && flags.equals(g.flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, picture, objective, caption, Arrays.hashCode(direction), flags);
    }

    /** The same group with these flags. */
    public NeuronGroup withFlags(List<GroupFlag> found) {
        return new NeuronGroup(index, picture, objective, datasetMax, caption, notes, offObject, topChannels,
                examples, classes, direction, found);
    }

    /** Whether anything measured flags the group. */
    public boolean flagged() {
        return !flags.isEmpty();
    }

    /** The objective reached relative to the data set's maximum (1 = as high as the strongest real image). */
    public double reached() {
        return Reached.ratio(objective, datasetMax);
    }
}
