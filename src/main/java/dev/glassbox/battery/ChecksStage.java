package dev.glassbox.battery;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.checks.AttributionCache;
import dev.glassbox.checks.Check;
import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckSettings;
import dev.glassbox.checks.Checks;
import dev.glassbox.checks.DatasetRun;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.model.ModelUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plan's checks on one model, in registry order, each timed; a check that breaks gives an error result. */
final class ChecksStage {

    private final RunPlan plan;

    ChecksStage(RunPlan plan) {
        this.plan = plan;
    }

    /** What the checks (and then the diagnosis) work with for one model; {@code cache} is shared with the gallery. */
    CheckContext context(ModelUnderTest model, int index, List<DatasetRun> runs, Pictures pictures,
                         AttributionCache cache, Progress progress) {
        return new CheckContext(model, index, runs, plan.methods(), pictures, plan.batchSize(), plan.seed(),
                progress, cache);
    }

    List<CheckResult> run(CheckContext context, StageClock clock) {
        List<CheckResult> results = new ArrayList<>();
        for (Map.Entry<String, CheckSettings> e : plan.checks().entrySet()) {
            Check check = Checks.check(e.getKey()).orElseThrow();
            results.addAll(clock.time("check " + e.getKey(), () -> runOne(check, context, e.getValue())));
        }
        return results;
    }

    /** A check that throws gives an error result naming the problem, and the other checks still run. */
    private static List<CheckResult> runOne(Check check, CheckContext context, CheckSettings settings) {
        try {
            return check.run(context, settings);
        } catch (GlassboxException e) {
            throw e;
        } catch (RuntimeException e) {
            return List.of(CheckResult.broken(check.definition().id(), context.modelName(), "The "
                    + check.definition().id() + " check could not run on " + context.modelName() + ": " + e
                    + ". Its result is unknown; please report this."));
        }
    }
}
