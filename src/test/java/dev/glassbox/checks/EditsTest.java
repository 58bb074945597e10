package dev.glassbox.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditsTest {

    private static final int H = 8;
    private static final int W = 8;
    private static final int HW = H * W;

    private static float[] random(long seed) {
        Random r = new Random(seed);
        float[] px = new float[3 * HW];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextFloat();
        }
        return px;
    }

    private static float luma(float[] px, int p) {
        return 0.299f * px[p] + 0.587f * px[HW + p] + 0.114f * px[2 * HW + p];
    }

    @Test
    void recolouringKeepsLumaNegatesChromaAndLeavesTheObjectAlone() {
        float[] px = new float[3 * HW];
        float[] mask = new float[HW];
        for (int p = 0; p < HW; p++) {
            // a muted background colour that does not clip when its chroma is negated
            px[p] = 0.4f;
            px[HW + p] = 0.5f;
            px[2 * HW + p] = 0.6f;
        }
        for (int p : new int[] {27, 28, 35, 36}) {
            mask[p] = 1;
            px[p] = 0.9f;
            px[HW + p] = 0.1f;
            px[2 * HW + p] = 0.2f;
        }
        float[] out = Edits.recolourBackground(px, mask, H, W);
        for (int p = 0; p < HW; p++) {
            if (mask[p] > 0) {
                assertEquals(px[p], out[p]);
                assertEquals(px[HW + p], out[HW + p]);
                assertEquals(px[2 * HW + p], out[2 * HW + p]);
                continue;
            }
            float y = luma(px, p); // 0.4815
            assertEquals(y, luma(out, p), 1e-6, "luma at " + p);
            assertEquals(-(px[p] - y), out[p] - y, 1e-6, "red minus luma at " + p);
            assertEquals(-(px[2 * HW + p] - y), out[2 * HW + p] - y, 1e-6, "blue minus luma at " + p);
        }
        // by hand: y = 0.4815; r' = 2y - r = 0.563; b' = 2y - b = 0.363; g' = (0.174y + 0.299r + 0.114b) / 0.587 = 0.463
        assertEquals(0.563f, out[0], 1e-5);
        assertEquals(0.463f, out[HW], 1e-5);
        assertEquals(0.363f, out[2 * HW], 1e-5);
    }

    @Test
    void blueBackgroundTurnsOlive() {
        float[] px = new float[3 * HW];
        for (int p = 0; p < HW; p++) {
            px[p] = 0.1f;
            px[HW + p] = 0.2f;
            px[2 * HW + p] = 0.9f;
        }
        float[] out = Edits.recolourBackground(px, new float[HW], H, W);
        // y = 0.2499: r' = 0.3998, g' = (0.0435 + 0.0299 + 0.1026) / 0.587 = 0.2998, b' = -0.4002 clipped to 0
        assertEquals(0.3998f, out[5], 1e-4);
        assertEquals(0.2998f, out[HW + 5], 1e-4);
        assertEquals(0f, out[2 * HW + 5]);
    }

    @Test
    void cornerPatchCoversExactlyTheCornerSquare() {
        assertEquals(2, Edits.patchSide(8, 8)); // 0.2 * 8 = 1.6, rounded
        assertEquals(6, Edits.patchSide(32, 40)); // 0.2 * 32 = 6.4
        assertEquals(2, Edits.patchSide(4, 4)); // never less than 2
        float[] px = random(3);
        for (int corner = 0; corner < 4; corner++) {
            float[] out = Edits.patchCorner(px, 3, H, W, corner);
            int x0 = corner == 0 || corner == 2 ? 0 : W - 2;
            int y0 = corner < 2 ? 0 : H - 2;
            for (int c = 0; c < 3; c++) {
                float fill = Edits.borderMedian(px, c, H, W);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int i = c * HW + y * W + x;
                        boolean inside = y >= y0 && y < y0 + 2 && x >= x0 && x < x0 + 2;
                        assertEquals(inside ? fill : px[i], out[i], "corner " + corner + " c" + c + " y" + y + " x" + x);
                    }
                }
            }
        }
    }

    @Test
    void borderMedianIsTheMiddleOfTheOutermostPixels() {
        // 3x3 single channel: border 1, 2, 3, 4, 6, 7, 8, 9 (the centre 100 is not border); sorted, index 8 / 2 = 4 is 6
        float[] px = {1, 2, 3, 4, 100, 6, 7, 8, 9};
        assertEquals(6f, Edits.borderMedian(px, 0, 3, 3));
    }

    @Test
    void mirrorSwapsLeftAndRightAndTwiceIsTheIdentity() {
        float[] px = random(5);
        float[] once = Edits.mirror(px, 3, H, W);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(px[c * HW + y * W + x], once[c * HW + y * W + (W - 1 - x)]);
                }
            }
        }
        assertArrayEquals(px, Edits.mirror(once, 3, H, W));
    }

    @Test
    void grayscaleHasEqualChannelsAtTheSameLuma() {
        float[] px = random(7);
        float[] out = Edits.grayscale(px, H, W);
        for (int p = 0; p < HW; p++) {
            assertEquals(out[p], out[HW + p]);
            assertEquals(out[p], out[2 * HW + p]);
            assertEquals(luma(px, p), out[p], 1e-6);
        }
    }

    @Test
    void brightnessScalesAndClips() {
        float[] out = Edits.brightness(new float[] {0, 0.5f, 0.9f}, 1 + Edits.BRIGHTNESS);
        assertArrayEquals(new float[] {0, 0.6f, 1}, out, 1e-6f);
        assertArrayEquals(new float[] {0, 0.4f, 0.72f}, Edits.brightness(new float[] {0, 0.5f, 0.9f}, 0.8), 1e-6f);
    }

    @Test
    void dilationWidensTheMaskBySquaresClippedAtTheEdge() {
        float[] mask = new float[5 * 5];
        mask[2 * 5 + 2] = 1; // the centre
        mask[0] = 0.5f; // top-left corner, any positive value is object
        float[] none = FocusCheck.dilate(mask, 5, 5, 0);
        assertEquals(1f, none[0]);
        assertEquals(2, sum(none));
        float[] one = FocusCheck.dilate(mask, 5, 5, 1);
        // the centre's 3x3 block (9) and the corner's 2x2, clipped at the edge (4), share (1, 1): 12 pixels
        assertEquals(12, sum(one));
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                assertEquals(1f, one[y * 5 + x]);
            }
        }
        assertEquals(1f, one[5 + 1]);
        assertEquals(0f, one[4]);
        assertEquals(25, sum(FocusCheck.dilate(mask, 5, 5, 2)), "radius 2 from the centre covers all");
    }

    private static int sum(float[] v) {
        int s = 0;
        for (float x : v) {
            s += (int) x;
        }
        return s;
    }
}
