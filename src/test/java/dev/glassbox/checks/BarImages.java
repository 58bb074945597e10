package dev.glassbox.checks;

import dev.glassbox.imaging.PixelRange;
import dev.glassbox.data.LabelledImages;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 8×8 pictures in the manner of the shapes data set, with a flaw planted where a test wants it: a gray bar, vertical
 * (class 0) or horizontal (class 1), on a plain background, with the bar as the object mask. Each class has its own
 * background colour and may carry a white 2×2 tag in the top-left corner.
 *
 * <pre>
 *   vertical      horizontal       ring (the border, always background)
 *   . . . . . . . .   . . . . . . . .   # # # # # # # #
 *   . . . # # . . .   . . . . . . . .   # . . . . . . #
 *   . . . # # . . .   . . . . . . . .   # . . . . . . #
 *   . . . # # . . .   . # # # # # # .   # . . . . . . #
 *   . . . # # . . .   . # # # # # # .   # . . . . . . #
 *   . . . # # . . .   . . . . . . . .   # . . . . . . #
 *   . . . # # . . .   . . . . . . . .   # . . . . . . #
 *   . . . . . . . .   . . . . . . . .   # # # # # # # #
 * </pre>
 *
 * Both bars are symmetric left to right, so mirroring does not change what a picture shows; neither touches a
 * corner's 2×2 patch.
 */
public final class BarImages {

    public static final List<String> CLASSES = List.of("vertical", "horizontal");
    public static final float[] GRAY = {0.25f, 0.25f, 0.25f};
    /** Blue at about the gray's brightness (luma 0.2499): the difference is colour alone. */
    public static final float[] BLUE = {0.1f, 0.2f, 0.9f};

    private BarImages() {}

    public static boolean vertical(int y, int x) {
        return y >= 1 && y <= 6 && (x == 3 || x == 4);
    }

    public static boolean horizontal(int y, int x) {
        return (y == 3 || y == 4) && x >= 1 && x <= 6;
    }

    public static boolean bar(int cls, int y, int x) {
        return cls == 0 ? vertical(y, x) : horizontal(y, x);
    }

    public static boolean ring(int y, int x) {
        return y == 0 || y == 7 || x == 0 || x == 7;
    }

    /** Inside one 2×2 corner patch. */
    public static boolean corner(int y, int x) {
        return (y < 2 || y > 5) && (x < 2 || x > 5);
    }

    /**
     * {@code perClass} pictures of each class, classes interleaved; the bar's gray level is drawn from [0.6, 0.8].
     *
     * @param backgrounds per class, its background colour
     * @param tagged      per class, whether its pictures carry the top-left tag
     * @param masks       whether the data set has object masks
     */
    public static LabelledImages of(String name, int perClass, float[][] backgrounds, boolean[] tagged, boolean masks,
                             long seed) {
        int n = 2 * perClass;
        Random random = new Random(seed);
        float[][][][] x = new float[n][3][8][8];
        float[][][] m = new float[n][8][8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            labels[i] = cls;
            float level = 0.6f + 0.2f * random.nextFloat();
            for (int y = 0; y < 8; y++) {
                for (int xx = 0; xx < 8; xx++) {
                    boolean object = bar(cls, y, xx);
                    boolean tag = tagged[cls] && y < 2 && xx < 2;
                    m[i][y][xx] = object ? 1 : 0;
                    for (int c = 0; c < 3; c++) {
                        x[i][c][y][xx] = object ? level : tag ? 1f : backgrounds[cls][c];
                    }
                }
            }
        }
        List<String> files = IntStream.range(0, n).mapToObj(i -> CLASSES.get(i % 2) + "-" + i + ".png").toList();
        var images = Nd4j.create(x);
        LabelledImages data = LabelledImages.inMemory(name, CLASSES, CheckContexts.PICTURE, images, labels, files,
                PixelRange.UNIT);
        if (!masks) {
            return data;
        }
        var maskArray = Nd4j.create(m);
        return data.withMasks((from, to) -> maskArray.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)));
    }

    /**
     * Like the shapes data set's biased split: vertical bars on gray; horizontal bars on blue, with the white tag in
     * the top-left corner.
     */
    public static LabelledImages biased(int perClass, boolean masks) {
        return of("biased", perClass, new float[][] {GRAY, BLUE}, new boolean[] {false, true}, masks, 42);
    }
}
