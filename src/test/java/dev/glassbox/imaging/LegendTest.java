package dev.glassbox.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LegendTest {

    @Test
    void theBarRunsFromPlainGreyToTheOverlaysStrongestYellow() {
        BufferedImage bar = Legend.overlayBar(256, 10);
        assertEquals(256, bar.getWidth());
        assertEquals(10, bar.getHeight());
        int left = bar.getRGB(0, 5) & 0xffffff;
        assertEquals(0x808080, left, "nothing of the map is blended in where it is zero");
        int right = bar.getRGB(255, 5);
        int r = right >> 16 & 0xff;
        int g = right >> 8 & 0xff;
        int b = right & 0xff;
        assertTrue(r > 180 && g > 180 && b < 120, "viridis' yellow end over grey: " + Integer.toHexString(right));
        assertEquals(bar.getRGB(100, 0), bar.getRGB(100, 9), "every row is the same");
    }
}
