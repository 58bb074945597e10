package dev.glassbox.checks;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One model's answers on pictures edited by the interventions edits, by data set, picture and edit variant: the
 * interventions check records them, and the diagnosis, which removes the same cues from pictures of the same seeded
 * sample, reads them instead of asking the model again. An edit is a pure function of the picture, so the answer is
 * the same.
 */
public final class EditAnswers {

    private final Map<String, Map<Long, Integer>> answers = new HashMap<>();

    public void remember(String dataset, int picture, Edit edit, int variant, int answer) {
        answers.computeIfAbsent(dataset, d -> new HashMap<>()).put(key(picture, edit, variant), answer);
    }

    public OptionalInt answer(String dataset, int picture, Edit edit, int variant) {
        Integer a = answers.getOrDefault(dataset, Map.of()).get(key(picture, edit, variant));
        return a == null ? OptionalInt.empty() : OptionalInt.of(a);
    }

    private static long key(int picture, Edit edit, int variant) {
        return ((long) picture << 16) | ((long) edit.ordinal() << 8) | variant;
    }
}
