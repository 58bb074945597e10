package dev.glassbox.diagnosis;

import dev.glassbox.checks.Edit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The probes of one data set: each removal edit on each class's sample (the interventions check's edits, each named
 * region filled, each spot covered), and each class's cues put into other classes' pictures, with their controls:
 * its background colour always, and its corners, named regions and spots where something points at them.
 */
final class Probes {

    private final DatasetSample s;

    Probes(DatasetSample sample) {
        this.s = sample;
    }

    /** A place where one class's attribution gathers: the top-left pixel of a patch-sized window. */
    record Spot(int cls, int x, int y) {
        String label(int side) {
            return "x " + x + "-" + (x + side - 1) + ", y " + y + "-" + (y + side - 1);
        }
    }

    /** Which local cues of a class are worth transplanting. */
    @FunctionalInterface
    interface Candidates {
        boolean test(int cls, Cue cue);
    }

    /** Every removal edit on every class's sample, and each spot covered. */
    List<Probe> removals(List<Spot> spots) {
        List<Probe> out = new ArrayList<>();
        for (int c = 0; c < s.classes; c++) {
            if (s.byClass[c].length > 0) {
                out.addAll(removals(c, spots));
            }
        }
        return out;
    }

    /** Every class's background colour, and the local cues (corners, regions, spots) that are candidates. */
    List<Probe> transplants(List<Spot> spots, Candidates candidates) {
        List<Probe> out = new ArrayList<>();
        for (int c = 0; c < s.classes; c++) {
            if (s.byClass[c].length > 0) {
                out.addAll(transplants(c, spots, candidates));
            }
        }
        return out;
    }

    private List<Probe> removals(int c, List<Spot> spots) {
        List<Probe> out = new ArrayList<>();
        int[] pics = s.byClass[c];
        for (Edit e : Edit.values()) {
            if (e.unavailable(s.data.name(), s.channels, s.hasMasks()) != null) {
                continue;
            }
            for (int k = 0; k < e.variants().size(); k++) {
                int variant = k;
                Probe.Picture edited = row -> e.apply(s.pixels(pics[row]), s.mask(pics[row]), s.channels, s.height,
                        s.width, variant);
                out.add(new Probe(Probe.Mode.REMOVAL, cueOf(e, k), c, pics, edited, null,
                        row -> placeOf(e, variant, pics[row]), null, new Probe.EditVariant(e, k)));
            }
        }
        if (!s.hasMasks() && s.channels == 3) {
            // the border ring in the opposite colour: the background edit's stand-in without masks
            boolean[] ring = Selections.ring(s.height, s.width, s.ring);
            float[] notRing = new float[ring.length];
            for (int p = 0; p < ring.length; p++) {
                notRing[p] = ring[p] ? 0 : 1;
            }
            out.add(removal(new Cue(Cue.Kind.BACKGROUND, null, null), c, pics, row -> Edit.BACKGROUND.apply(
                    s.pixels(pics[row]), notRing, 3, s.height, s.width, 0), row -> ring));
        }
        for (String r : s.regionNames()) {
            int[] with = s.withRegion(c, r);
            if (with.length > 0) {
                out.add(removal(new Cue(Cue.Kind.REGION, r, null), c, with, row -> covered(with[row],
                        Selections.of(s.region(r, with[row]))), row -> Selections.of(s.region(r, with[row]))));
            }
        }
        for (Spot spot : spots) {
            if (spot.cls() == c) {
                boolean[] window = Selections.window(s.height, s.width, spot.x(), spot.y(), s.patch);
                out.add(removal(new Cue(Cue.Kind.SPOT, spot.label(s.patch), null), c, pics,
                        row -> covered(pics[row], window), row -> window));
            }
        }
        return out;
    }

    private List<Probe> transplants(int c, List<Spot> spots, Candidates candidates) {
        List<Probe> out = new ArrayList<>();
        int[] targets = s.targets(c);
        int[] donors = s.byClass[c];
        float[] look = s.background[c];
        if (targets.length == 0 || look == null) {
            return out;
        }
        // the control recolours the background to a third class's colour: both edits take the picture's own
        // background away, so a class that loses its cue (and falls to this one) does not count as this one's pull
        out.add(new Probe(Probe.Mode.TRANSPLANT, new Cue(Cue.Kind.BACKGROUND, null, ColourNames.of(look)), c, targets,
                row -> Transplants.recolour(s.pixels(targets[row]), s.backgroundOf(targets[row]), look, s.channels),
                row -> Transplants.recolour(s.pixels(targets[row]), s.backgroundOf(targets[row]),
                        s.background[s.controlClass(targets[row], c)], s.channels),
                row -> s.backgroundOf(targets[row]), row -> 2L * targets[row] + s.controlChoice(targets[row], c),
                null));
        for (int k = 0; k < Selections.CORNERS.length; k++) {
            Cue corner = new Cue(Cue.Kind.CORNER, Selections.CORNERS[k], null);
            if (!candidates.test(c, corner)) {
                continue;
            }
            boolean[] square = Selections.corner(s.height, s.width, s.patch, k);
            out.add(local(corner.describedAs(ColourNames.of(typical(donors, square))), c, targets, donors,
                    row -> square));
        }
        for (String r : s.regionNames()) {
            int[] with = s.withRegion(c, r);
            if (with.length > 0 && candidates.test(c, new Cue(Cue.Kind.REGION, r, null))) {
                float[] colour = typical(with, null, r);
                out.add(local(new Cue(Cue.Kind.REGION, r, ColourNames.of(colour)), c, targets, with,
                        row -> Selections.of(s.region(r, with[row % with.length]))));
            }
        }
        for (Spot spot : spots) {
            if (spot.cls() == c) {
                boolean[] window = Selections.window(s.height, s.width, spot.x(), spot.y(), s.patch);
                out.add(local(new Cue(Cue.Kind.SPOT, spot.label(s.patch), ColourNames.of(typical(donors, window))),
                        c, targets, donors, row -> window));
            }
        }
        return out;
    }

    /**
     * A local cue copied from the class's pictures (donor {@code row % donors}) into the targets; the control gives
     * the same place the class's background colour instead, so a cue that is only background colour pulls no more
     * than its control.
     */
    private Probe local(Cue cue, int c, int[] targets, int[] donors, Probe.Place place) {
        float[] look = s.background[c];
        return transplant(cue, c, targets,
                row -> Transplants.copy(s.pixels(targets[row]), s.pixels(donors[row % donors.length]), place.of(row),
                        s.channels),
                row -> Transplants.recolour(s.pixels(targets[row]), place.of(row), look, s.channels), place, null);
    }

    private static Probe removal(Cue cue, int c, int[] pictures, Probe.Picture edited, Probe.Place place) {
        return new Probe(Probe.Mode.REMOVAL, cue, c, pictures, edited, null, place, null, null);
    }

    private static Probe transplant(Cue cue, int c, int[] targets, Probe.Picture edited, Probe.Picture control,
                                    Probe.Place place, Probe.SharedControl shared) {
        return new Probe(Probe.Mode.TRANSPLANT, cue, c, targets, edited, control, place, shared, null);
    }

    /** The picture with the place filled with its border's median colour, as the corner edit covers a corner. */
    private float[] covered(int picture, boolean[] where) {
        float[] px = s.pixels(picture);
        return Transplants.fill(px, where, Selections.borderMedian(px, s.channels, s.height, s.width), s.channels);
    }

    /** The median colour of a place over some pictures (a named region's own place when {@code region} is given). */
    private float[] typical(int[] pictures, boolean[] where, String... region) {
        float[][] colours = new float[pictures.length][];
        for (int i = 0; i < pictures.length; i++) {
            boolean[] place = region.length > 0 ? Selections.of(s.region(region[0], pictures[i])) : where;
            colours[i] = Selections.meanColour(s.pixels(pictures[i]), place, s.channels);
        }
        return Selections.median(colours, s.channels);
    }

    private boolean[] placeOf(Edit e, int variant, int picture) {
        return switch (e) {
            case BACKGROUND -> s.backgroundOf(picture);
            case CORNERS -> Selections.corner(s.height, s.width, s.patch, variant);
            default -> everywhere();
        };
    }

    private boolean[] everywhere() {
        boolean[] all = new boolean[s.height * s.width];
        Arrays.fill(all, true);
        return all;
    }

    static Cue cueOf(Edit e, int variant) {
        return switch (e) {
            case BACKGROUND -> new Cue(Cue.Kind.BACKGROUND, null, null);
            case CORNERS -> new Cue(Cue.Kind.CORNER, Selections.CORNERS[variant], null);
            case FLIP -> new Cue(Cue.Kind.MIRROR, null, null);
            case BRIGHTNESS -> new Cue(Cue.Kind.BRIGHTNESS, null, e.variants().get(variant));
            case GRAYSCALE -> new Cue(Cue.Kind.COLOUR, null, "grayscale");
        };
    }
}
