package dev.glassbox.data;

import java.util.Locale;

/**
 * The four splits. The biased ones carry the planted flaws (stars on blue, crosses with a corner tag); in the clean
 * ones background colour and tag are independent of the class.
 */
public enum ShapesSplit {
    TRAIN_BIASED(true, true),
    TRAIN_CLEAN(true, false),
    TEST_BIASED(false, true),
    TEST_CLEAN(false, false);

    private final boolean train;
    private final boolean biased;

    ShapesSplit(boolean train, boolean biased) {
        this.train = train;
        this.biased = biased;
    }

    /** The folder name ("train-biased"). */
    public String folder() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isTrain() {
        return train;
    }

    public boolean isBiased() {
        return biased;
    }

    /** The split with this folder name, or null. */
    public static ShapesSplit byFolder(String folder) {
        for (ShapesSplit s : values()) {
            if (s.folder().equals(folder)) {
                return s;
            }
        }
        return null;
    }
}
