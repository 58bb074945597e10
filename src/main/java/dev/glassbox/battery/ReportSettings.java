package dev.glassbox.battery;

import dev.glassbox.GlassboxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How a report is built.
 *
 * @param batchSize        images per forward or backward pass; memory use grows with this, not with the data set
 * @param samplesPerClass  correct and, separately, wrong predictions shown per class
 * @param pictureSize      the shorter side, in pixels, that gallery pictures are enlarged to (at least)
 * @param generatedAt      the time stamp the report shows
 */
public record ReportSettings(int batchSize, int samplesPerClass, int pictureSize, Instant generatedAt) {

    public ReportSettings {
        if (batchSize < 1 || samplesPerClass < 0 || pictureSize < 1) {
            throw new IllegalArgumentException("invalid report settings: batch " + batchSize + ", samples "
                    + samplesPerClass + ", picture size " + pictureSize);
        }
        Objects.requireNonNull(generatedAt);
    }

    /** Batches of 64, 3 samples of each kind per class, pictures of 160 pixels, time stamp from the environment. */
    public static ReportSettings defaults() {
        return new ReportSettings(64, 3, 160, timestamp(System.getenv(), Clock.systemUTC()));
    }

    public ReportSettings withGeneratedAt(Instant at) {
        return new ReportSettings(batchSize, samplesPerClass, pictureSize, at);
    }

    /**
     * {@code SOURCE_DATE_EPOCH} (seconds since 1970, the reproducible-builds convention) when set, so a rebuilt
     * report is byte-identical; otherwise the clock's now, to the second.
     */
    public static Instant timestamp(Map<String, String> environment, Clock clock) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) {
            return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
        } catch (NumberFormatException e) {
            throw GlassboxException.usage("SOURCE_DATE_EPOCH='" + epoch + "' is not a number of seconds");
        }
    }
}
