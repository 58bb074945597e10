package dev.glassbox.battery;

import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.diagnosis.Diagnoser;
import dev.glassbox.diagnosis.Diagnosis;
import dev.glassbox.diagnosis.DiagnosisSettings;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The diagnosis of every model at once (it compares them on the same pictures), after their checks: which cues each
 * model's classes depend on, proved by transplant, ranked by harm. Its class-mean maps use the plan's method, else
 * saliency unless a method check found saliency untrustworthy for the model, else the first method it trusted.
 */
final class DiagnosisStage {

    private static final MethodSpec SALIENCY = new MethodSpec("saliency", Map.of());

    private final RunPlan plan;

    DiagnosisStage(RunPlan plan) {
        this.plan = plan;
    }

    Diagnosis run(List<CheckContext> contexts, List<CheckResult> results, Pictures pictures) {
        DiagnosisSettings settings = plan.diagnosis();
        if (!settings.enabled()) {
            return Diagnosis.NONE;
        }
        List<MethodSpec> methods = new ArrayList<>();
        for (CheckContext c : contexts) {
            methods.add(method(settings, c, results));
        }
        return new Diagnoser(settings).run(contexts, methods, pictures);
    }

    private static MethodSpec method(DiagnosisSettings settings, CheckContext context, List<CheckResult> results) {
        if (settings.method() != null) {
            return settings.method().seeded(settings.seed());
        }
        List<String> untrusted = results.stream().filter(r -> r.model().equals(context.modelName())
                && Report.judgesMethods(r) && r.method() != null && r.status().id().equals("fail"))
                .map(CheckResult::method).distinct().toList();
        if (!untrusted.contains(SALIENCY.name())) {
            return SALIENCY;
        }
        return context.methods().stream().filter(m -> !untrusted.contains(m.name())).findFirst().orElse(SALIENCY);
    }
}
