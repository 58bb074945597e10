package dev.glassbox.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where a map's weight lies, measured by hand on 6×6 maps. */
class MapRegionsTest {

    @Test
    void theShareOnTheMaskCountsItsOutlineAsTheObject() {
        float[] mask = new float[36];
        mask[2 * 6 + 2] = 1; // one pixel: widened by one, a 3×3 square from (1,1) to (3,3)
        float[] map = new float[36];
        map[2 * 6 + 2] = 2; // on the object
        map[1 * 6 + 1] = 1; // on its outline
        map[5 * 6 + 5] = 1; // far from it
        assertEquals(0.75, MapRegions.onMask(map, mask, 6, 6), 1e-9);
        assertEquals(9 / 36.0, MapRegions.area(mask, 6, 6), 1e-9);
        assertTrue(Double.isNaN(MapRegions.onMask(new float[36], mask, 6, 6)), "no weight, no share");
    }

    @Test
    void thePeakIsTheNinthWithTheMostWeight() {
        float[] map = new float[36];
        map[5 * 6 + 4] = 3; // bottom-right ninth: rows 4-5, columns 4-5
        map[5 * 6 + 5] = 1;
        map[2 * 6 + 2] = 2; // centre
        MapRegions.Peak peak = MapRegions.peak(map, 6, 6);
        assertEquals("bottom-right corner", peak.region());
        assertEquals(4 / 6.0, peak.share(), 1e-9);
        assertEquals("centre", MapRegions.peak(new float[36], 6, 6).region(), "no weight: the centre");
    }
}
