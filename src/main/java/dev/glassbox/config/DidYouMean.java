package dev.glassbox.config;

import java.util.Collection;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The closest valid name to a mistyped one, when it is close enough to be what was meant. */
final class DidYouMean {

    private DidYouMean() {}

    /** The nearest of {@code known} by edit distance, within max(2, a third of the typed name's length). */
    static Optional<String> closest(String typed, Collection<String> known) {
        int limit = Math.max(2, typed.length() / 3);
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            // case differences count as one edit at most: 'Model' means 'model'
            int d = typed.equalsIgnoreCase(candidate) ? 1 : distance.apply(typed, candidate);
            if (d >= 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "; did you mean 'min'?" or nothing. */
    static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}
