package dev.glassbox.battery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.battery.GalleryPicks;
import org.junit.jupiter.api.Test;

class GalleryPicksTest {

    @Test
    void noSamplesPerClassWantsNothing() {
        assertFalse(new GalleryPicks(3, 0).wants(1, 1, 0.99, 0));
        assertFalse(new GalleryPicks(3, 0).wants(1, 2, 0.99, 0));
    }

    @Test
    void anEmptyShelfWantsTheFirstCandidate() {
        assertTrue(new GalleryPicks(3, 2).wants(0, 0, 0.5, 7));
    }
}
