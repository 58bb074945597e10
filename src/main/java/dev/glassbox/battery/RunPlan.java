package dev.glassbox.battery;

import dev.glassbox.GlassboxException;
import dev.glassbox.checks.CheckSettings;
import dev.glassbox.checks.Checks;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.diagnosis.DiagnosisSettings;
import dev.glassbox.report.RunInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run does, decided before it starts: one immutable record built from a config ({@link PlanBuilder})
 * or by a test, which every stage reads.
 *
 * @param title           the report's title
 * @param generatedAt     the time stamp the report shows (from {@code SOURCE_DATE_EPOCH} when set)
 * @param batchSize       examples per forward or backward pass; memory grows with this, not with the data
 * @param samplesPerClass gallery pictures per class and outcome (right, wrong)
 * @param pictureSize     the shorter side, in pixels, that pictures are enlarged to (at least)
 * @param seed            the seed of every random choice: samples, noise, random layers, masks
 * @param methods         the attribution methods, in the order the gallery shows them; those that draw random
 *                        choices draw them from {@code seed} unless their parameters name another
 * @param checks          check id to settings, in registry order; only these run
 * @param neurons         the neuron groups to draw, per model; {@link NeuronPlan#NONE} for none
 * @param run             what the about page says of the run (seed and config)
 * @param diagnosis       the diagnosis settings ({@link DiagnosisSettings#off()} for none)
 */
public record RunPlan(String title, Instant generatedAt, int batchSize, int samplesPerClass, int pictureSize,
                      long seed, List<MethodSpec> methods, Map<String, CheckSettings> checks, NeuronPlan neurons,
                      RunInfo run, DiagnosisSettings diagnosis) {

    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_PICTURE_SIZE = 160;

    public RunPlan {
        Objects.requireNonNull(title);
        Objects.requireNonNull(generatedAt);
        if (batchSize < 1 || samplesPerClass < 0 || pictureSize < 1) {
            throw new IllegalArgumentException("invalid run plan: batch " + batchSize + ", samples " + samplesPerClass
                    + ", picture size " + pictureSize);
        }
        methods = List.copyOf(methods);
        checks = inRegistryOrder(checks);
        Objects.requireNonNull(neurons);
        Objects.requireNonNull(run);
        Objects.requireNonNull(diagnosis);
    }

    /**
     * A plan that shows the gallery with plain saliency and runs no check, no diagnosis and no neuron groups: what
     * tests and programmatic use start from.
     */
    public static RunPlan basic(String title, Instant generatedAt, int batchSize, int samplesPerClass) {
        return new RunPlan(title, generatedAt, batchSize, samplesPerClass, DEFAULT_PICTURE_SIZE, 0, List.of(),
                Map.of(), NeuronPlan.NONE, RunInfo.seedOnly(0), DiagnosisSettings.off());
    }

    /** The same plan with these methods in the gallery and for the checks. */
    public RunPlan withMethods(List<MethodSpec> m) {
        return new RunPlan(title, generatedAt, batchSize, samplesPerClass, pictureSize, seed, m, checks, neurons, run,
                diagnosis);
    }

    /** The same plan running these checks, drawing with this seed. */
    public RunPlan withChecks(Map<String, CheckSettings> c, long s) {
        return new RunPlan(title, generatedAt, batchSize, samplesPerClass, pictureSize, s, methods, c, neurons,
                run.withSeed(s), diagnosis);
    }

    /** The same plan drawing these neuron groups. */
    public RunPlan withNeurons(NeuronPlan n) {
        return new RunPlan(title, generatedAt, batchSize, samplesPerClass, pictureSize, seed, methods, checks, n, run,
                diagnosis);
    }

    /** The same plan diagnosing its models with these settings. */
    public RunPlan withDiagnosis(DiagnosisSettings d) {
        return new RunPlan(title, generatedAt, batchSize, samplesPerClass, pictureSize, seed, methods, checks, neurons,
                run, d);
    }

    /** The same plan with this time stamp. */
    public RunPlan withGeneratedAt(Instant at) {
        return new RunPlan(title, at, batchSize, samplesPerClass, pictureSize, seed, methods, checks, neurons, run,
                diagnosis);
    }

    /** The methods, each drawing its random choices from the plan's seed unless its parameters name another. */
    @Override
    public List<MethodSpec> methods() {
        return methods.stream().map(m -> m.seeded(seed)).toList();
    }

    /** The methods the gallery shows: the plan's, or plain saliency when it has none. */
    public List<MethodSpec> galleryMethods() {
        return methods.isEmpty() ? List.of(new MethodSpec("saliency", Map.of())) : methods();
    }

    /**
     * {@code SOURCE_DATE_EPOCH} (seconds since 1970, the reproducible-builds convention) when set, so a rebuilt
     * report is byte-identical; otherwise the clock's now, to the second.
     */
    public static Instant timestamp(Map<String, String> environment, Clock clock) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
        } catch (NumberFormatException e) {
            throw GlassboxException.usage("SOURCE_DATE_EPOCH='" + epoch + "' is not a number of seconds");
        }
    }

    /** The time stamp of a run started now, from this process's environment. */
    public static Instant timestampNow() {
        return timestamp(System.getenv(), Clock.systemUTC());
    }

    private static Map<String, CheckSettings> inRegistryOrder(Map<String, CheckSettings> checks) {
        Map<String, CheckSettings> ordered = new LinkedHashMap<>();
        for (String id : Checks.ids()) {
            if (checks.containsKey(id)) {
                ordered.put(id, checks.get(id));
            }
        }
        for (String id : checks.keySet()) {
            if (!ordered.containsKey(id)) {
                throw new IllegalArgumentException("no check '" + id + "'; checks are " + Checks.ids());
            }
        }
        return Collections.unmodifiableMap(ordered);
    }
}
