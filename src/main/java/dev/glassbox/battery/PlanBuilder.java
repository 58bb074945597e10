package dev.glassbox.battery;

import dev.glassbox.GlassboxException;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.config.DiagnosisConfig;
import dev.glassbox.config.NeuronsConfig;
import dev.glassbox.diagnosis.DiagnosisSettings;
import dev.glassbox.featurevis.NeuronLayers;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.report.RunInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds a config's run plan against the models it tests, and says first, with the config's key path, what of the
 * config does not fit them: a class list of the wrong length, a method parameter a method refuses, a neuron layer the
 * model lacks.
 */
final class PlanBuilder {

    private PlanBuilder() {}

    static RunPlan of(BatteryConfig config, List<ModelUnderTest> models, Instant generatedAt) {
        List<MethodSpec> methods = config.attribution().methods().stream()
                .map(m -> new MethodSpec(m, config.attribution().params(m))).toList();
        Map<String, List<String>> layers = new LinkedHashMap<>();
        Map<String, Integer> steps = new LinkedHashMap<>();
        NeuronsConfig n = config.neurons();
        for (ModelUnderTest m : models) {
            requireClassCount(config, m);
            requireMethodsFit(config, m);
            List<String> resolved = NeuronLayers.resolve(m.engine(), n.layers(), n.groupsGiven() ? n.groups() : 0,
                    config.fileName(), m.name());
            layers.put(m.name(), resolved);
            steps.put(m.name(), n.stepsGiven() ? n.steps() : defaultSteps(m, resolved, n));
        }
        RunInfo run = new RunInfo(config.seed(), config.fileName(), config.text(), config.hasCompare(),
                config.modelCard().intendedUse(), config.modelCard().limits());
        return new RunPlan(config.title(), generatedAt, config.batchSize(), config.attribution().samplesPerClass(),
                RunPlan.DEFAULT_PICTURE_SIZE, config.seed(), methods, config.checks(),
                new NeuronPlan(layers, n.groups(), steps), run, diagnosis(config));
    }

    /** The steps when the config leaves them out: fewer for a larger model (see NeuronAnalysis.defaultSteps). */
    private static int defaultSteps(ModelUnderTest m, List<String> layers, NeuronsConfig n) {
        int groups = layers.stream().mapToInt(l -> (int) Math.min(n.groups(), m.engine().layer(l).channels())).sum();
        return dev.glassbox.featurevis.NeuronAnalysis.defaultSteps(m.engine(), groups + m.engine().classes(),
                n.steps());
    }

    /**
     * The config's diagnosis settings; the minimum recall and the maximum flip rate default to the class-recall and
     * interventions checks' thresholds where the config runs those checks, so that one number means one thing.
     */
    static DiagnosisSettings diagnosis(BatteryConfig config) {
        DiagnosisConfig d = config.diagnosis();
        MethodSpec method = d.method() == null ? null : new MethodSpec(d.method(), config.attribution().params(
                d.method()));
        double minRecall = d.minRecall() != null ? d.minRecall() : config.checks().containsKey("class-recall")
                ? config.checks().get("class-recall").number("min") : DiagnosisSettings.DEFAULT_MIN_RECALL;
        double maxFlip = d.maxFlipRate() != null ? d.maxFlipRate() : config.checks().containsKey("interventions")
                ? config.checks().get("interventions").number("max-flip-rate") : DiagnosisSettings.DEFAULT_MAX_FLIP_RATE;
        return new DiagnosisSettings(d.enabled(), d.imagesPerClass(), d.transplantImages(), d.attributionImages(),
                method, d.deployment(), minRecall, maxFlip, d.falseDiscovery(), config.seed());
    }

    /** The config's class list, where it gives one, has one name per output of the model. */
    private static void requireClassCount(BatteryConfig config, ModelUnderTest m) {
        int k = m.engine().classes();
        if (!config.classes().isEmpty() && config.classes().size() != k) {
            throw GlassboxException.usage(config.fileName() + ": 'classes' lists " + config.classes().size()
                    + " names, but " + m.file().getFileName() + " scores " + k + " classes; give one name per output,"
                    + " in the order of the model's outputs");
        }
    }

    /**
     * Makes each attribution method once with its parameters, so that a value the method refuses (steps: -5, a
     * layer the model lacks) is reported with the config's key path before any work.
     */
    private static void requireMethodsFit(BatteryConfig config, ModelUnderTest m) {
        LinkedHashSet<String> methods = new LinkedHashSet<>(config.attribution().methods());
        methods.addAll(config.attribution().params().keySet());
        for (String method : methods) {
            try {
                new MethodSpec(method, config.attribution().params(method)).create(m.engine());
            } catch (GlassboxException e) {
                if (e.kind() != GlassboxException.Kind.USAGE) {
                    throw e;
                }
                String key = "attribution.params." + method;
                List<String> named = config.attribution().params(method).keySet().stream()
                        .filter(p -> e.getMessage().contains(p)).toList();
                if (named.size() == 1) {
                    key += "." + named.get(0);
                }
                throw GlassboxException.usage(config.fileName() + ": '" + key + "': " + e.getMessage()
                        + (config.hasCompare() ? " (model " + m.name() + ")" : ""));
            }
        }
    }
}
