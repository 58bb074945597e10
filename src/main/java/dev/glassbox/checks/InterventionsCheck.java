package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.choices;
import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.List;

/**
 * How often an edit that should not matter changes the model's answer, per class and edit: the background
 * recoloured, a patch over each corner, the mirror image, brighter and darker, grayscale. {@link EditTrial} measures;
 * {@link InterventionsWording} words; this class judges.
 */
public final class InterventionsCheck implements Check {

    /** The edits, in the order the check reports them. */
    public static final List<String> EDITS = Edit.ids();

    static final CheckDefinition DEFINITION = new CheckDefinition("interventions", "Edits that should not matter",
            "How often the model changes its answer when a picture is edited in a way that does not change what"
                    + " it shows. The edits: the background in the opposite colour at the same brightness (this needs"
                    + " masks), a small patch over a corner, the mirror image, 20% more or less light, and gray. A"
                    + " class fails when the 95% interval of an edit's share of changed answers lies wholly above the"
                    + " maximum. It warns when the share is above it but the interval reaches it. With too few"
                    + " pictures to judge, it says so.",
            List.of(number("max-flip-rate", 0, 1, 0.2, "the largest acceptable share of answers an edit may change"),
                    integer("images-per-class", 1, 100000, 50, "images of each class edited, a seeded sample"),
                    choices("edits", EDITS, "the edits to make"),
                    number("max-interval", 0.01, 1, Proportions.MAX_INTERVAL, "the widest 95% interval judged: a"
                            + " wider one means too few pictures to judge")));

    /**
     * The seed of the sample of data set {@code dataset}'s pictures that are edited. The diagnosis draws its removal
     * sample with it too, so that a smaller sample is a subset of this one and the answers on those edits are asked
     * once ({@link EditAnswers}).
     */
    public static long sampleSeed(long seed, int dataset) {
        return seed + 31L * dataset;
    }

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double max = settings.number("max-flip-rate");
        double maxInterval = settings.number("max-interval");
        int perClass = settings.integer("images-per-class");
        List<Edit> edits = settings.choices("edits").stream().map(Edit::byId).toList();
        List<CheckResult> out = new ArrayList<>();
        for (int di = 0; di < context.datasets().size(); di++) {
            DatasetRun run = context.datasets().get(di);
            LabelledImages data = run.data();
            List<Edit> active = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Edit e : edits) {
                String why = e.unavailable(run.name(), data.input().channels(), data.hasMasks());
                if (why == null) {
                    active.add(e);
                } else {
                    notes.add(why);
                }
            }
            int[][] sample = Sampling.perClass(data.labels(), data.classes().size(), perClass,
                    sampleSeed(context.seed(), di));
            String task = "Edits on " + context.modelName() + " with " + run.name();
            context.progress().update(task, 0, data.classes().size());
            for (int c = 0; c < data.classes().size(); c++) {
                out.add(classResult(context, run, c, sample[c], active, notes, max, maxInterval));
                context.progress().update(task, c + 1, data.classes().size());
            }
        }
        return out;
    }

    private CheckResult classResult(CheckContext context, DatasetRun run, int c, int[] indices, List<Edit> edits,
                                    List<String> notes, double max, double maxInterval) {
        String name = run.data().classes().get(c);
        CheckResult.Subject subject = CheckResult.Subject.of(DEFINITION.id(), context.modelName()).on(run.name())
                .forClass(name);
        if (indices.length == 0 || edits.isEmpty()) {
            return subject.skipped(max, indices.length == 0
                    ? run.name() + " has no " + name + " images, so no edits were tried on them."
                    : "No edit applies to " + run.name() + " (" + String.join("; ", notes) + ").");
        }
        EditTrial trial = EditTrial.run(context, run.data(), indices, edits);
        double worst = trial.rate(trial.worst());
        CheckStatus status = status(trial, max, maxInterval);
        if (status == CheckStatus.SKIPPED) {
            return subject.skipped(max, Proportions.tooFew(trial.changes(trial.worst()), trial.size(), maxInterval));
        }
        InterventionsWording words = new InterventionsWording(context.modelName(), run.name(), name);
        // every edit over the maximum, the worst first (or the worst alone when it only warns)
        List<Integer> named = trial.over(max);
        String finding = status == CheckStatus.PASS ? words.pass(trial, max, notes) : words.problem(trial, named, max,
                status == CheckStatus.WARN);
        List<Evidence> evidence = status == CheckStatus.PASS ? List.of() : words.evidence(context, trial, named);
        return subject.result(status, worst, max, finding).withEvidence(evidence).withDetails(trial.details());
    }

    /** The worst of the edits' statuses by the shared rule; not judged when no edit's count can be. */
    private static CheckStatus status(EditTrial trial, double max, double maxInterval) {
        CheckStatus worst = null;
        for (int e = 0; e < trial.edits.size(); e++) {
            CheckStatus s = Proportions.status(trial.changes(e), trial.size(), max, Proportions.Bound.MAX,
                    maxInterval);
            if (s != CheckStatus.SKIPPED) {
                worst = worst == null ? s : worst.worse(s);
            }
        }
        return worst == null ? CheckStatus.SKIPPED : worst;
    }
}
