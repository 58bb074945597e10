package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.choices;
import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import java.util.List;
import java.util.Optional;

/** The registry of battery checks, in the order a report runs and shows them. */
public final class Checks {

    /** The edits of the interventions check, in the order it reports them. */
    public static final List<String> EDITS = List.of("background", "corners", "flip", "brightness", "grayscale");

    private static final List<CheckDefinition> DEFINITIONS = List.of(
            new CheckDefinition("accuracy", "Accuracy",
                    "The share of images the model names correctly, with a 95% confidence interval (Wilson) that"
                            + " says how far the figure could move on another sample of the same kind of images."
                            + " Fails below the minimum; warns when the interval reaches below it.",
                    List.of(number("min", 0, 1, 0.9, "the lowest acceptable accuracy"))),
            new CheckDefinition("class-recall", "Recall of each class",
                    "For each class, the share of its images the model finds. A low recall means images of that"
                            + " class are often given another name. Fails below the minimum; warns when the 95%"
                            + " interval reaches below it.",
                    List.of(number("min", 0, 1, 0.8, "the lowest acceptable recall of any class"))),
            new CheckDefinition("class-precision", "Precision of each class",
                    "For each class, the share of the model's answers of that class that are right. A low precision"
                            + " means the model says that class too readily. Fails below the minimum; warns when"
                            + " the 95% interval reaches below it.",
                    List.of(number("min", 0, 1, 0.8, "the lowest acceptable precision of any class"))),
            new CheckDefinition("calibration", "Calibration",
                    "Whether the model's confidence can be taken at its word: of the answers given with 80%"
                            + " confidence, about 80% should be right. Measured as the expected calibration error,"
                            + " the average gap between confidence and accuracy over confidence bins, and drawn as a"
                            + " reliability diagram. Warns above the maximum, fails above twice the maximum.",
                    List.of(number("max-ece", 0, 1, 0.05, "the largest acceptable expected calibration error"),
                            integer("bins", 2, 100, 15, "the number of equal-width confidence bins"))),
            new CheckDefinition("focus", "Focus on the object",
                    "Needs object masks. For each class and attribution method, the share of the positive"
                            + " attribution that falls on the object rather than the background, and how often the"
                            + " single strongest pixel is on the object (the pointing game). A model that looks at"
                            + " the background or at marks beside the object has a low share. A class fails when"
                            + " the median share over the methods is below the minimum.",
                    List.of(number("min", 0, 1, 0.5, "the lowest acceptable share of attribution on the object"),
                            integer("images-per-class", 1, 10000, 12,
                                    "images of each class explained, a seeded sample"),
                            integer("dilate", 0, 16, 1,
                                    "pixels the object mask is widened by, so its outline counts as the object"))),
            new CheckDefinition("interventions", "Edits that should not matter",
                    "How often the model changes its answer when an image is edited in a way that does not change"
                            + " what it shows: the background recoloured (needs masks), a small patch over each"
                            + " corner, a mirror image, 20% brighter or darker, and grayscale. A class fails when an"
                            + " edit changes more of its answers than the maximum, and warns above half of it.",
                    List.of(number("max-flip-rate", 0, 1, 0.2,
                                    "the largest acceptable share of answers an edit may change"),
                            integer("images-per-class", 1, 100000, 50, "images of each class edited, a seeded sample"),
                            choices("edits", EDITS, "the edits to make"))),
            new CheckDefinition("sanity", "Sanity of the attribution methods",
                    "Whether each attribution method's pictures depend on what the model learned (Adebayo et al."
                            + " 2018): the model's layers are replaced by random ones, from the top down, and the"
                            + " pictures compared with the originals by rank correlation. A method whose pictures"
                            + " barely change is showing the image, not the model, and fails: do not trust its"
                            + " pictures for this model.",
                    List.of(number("max-similarity", -1, 1, 0.5,
                                    "the largest acceptable rank correlation once every layer is random"),
                            integer("images", 1, 1000, 8, "images explained, a seeded sample over all classes"))),
            new CheckDefinition("faithfulness", "Faithfulness of the attribution methods",
                    "Whether the pixels a method marks as important really drive the answer: deleting them first"
                            + " should lower the model's confidence faster than deleting pixels at random, and"
                            + " inserting them first should raise it faster (the deletion and insertion curves of"
                            + " the RISE paper). Warns when a method beats random order by less than the minimum"
                            + " gain, fails when it does not beat it at all.",
                    List.of(number("min-gain", -1, 1, 0.05,
                                    "the smallest acceptable gain over random order, in area under the curve"),
                            integer("images-per-class", 1, 1000, 4, "images of each class explained"),
                            integer("steps", 2, 1024, 16, "points on each curve"))),
            new CheckDefinition("completeness", "Completeness of integrated gradients",
                    "Integrated gradients should share out exactly the difference between the model's score for"
                            + " the image and for the blank baseline; the convergence delta is how far the sum of"
                            + " the attribution misses it, relative to that difference. A large delta means too few"
                            + " integration steps. Warns above the maximum, fails above four times it.",
                    List.of(number("max-delta", 0, 10, 0.05, "the largest acceptable relative convergence delta"),
                            integer("images-per-class", 1, 1000, 4, "images of each class explained"))));

    private Checks() {}

    /** Every check, in report order. */
    public static List<CheckDefinition> definitions() {
        return DEFINITIONS;
    }

    public static List<String> ids() {
        return DEFINITIONS.stream().map(CheckDefinition::id).toList();
    }

    public static Optional<CheckDefinition> definition(String id) {
        return DEFINITIONS.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
