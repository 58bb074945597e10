package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.report.GalleryMap;
import dev.glassbox.report.GallerySample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence under a gallery row comes from its maps' measures, never from the data set's name. */
class MapSentencesTest {

    private static GallerySample sample(Double area, GalleryMap... maps) {
        return new GallerySample("d", "star", GallerySample.Outcome.WRONG, 1, "star-1.png", "star", "triangle", 0.9,
                "img/p.png", List.of(maps), area);
    }

    @Test
    void withMasksItSetsTheWeightOnTheObjectAgainstTheShareOfThePictureItCovers() {
        GallerySample background = sample(0.2, new GalleryMap("a", "img/a.png", 0.10, "centre", 0.3),
                new GalleryMap("b", "img/b.png", 0.15, "centre", 0.3), new GalleryMap("c", "img/c.png", 0.9, "", 0));
        assertEquals("The heatmaps put only 12.5% of their weight on the 'star', which covers 20.0% of the picture:"
                + " the model looked more at the background.", MapSentences.of(background, List.of("c")),
                "the median of the trusted maps: the untrusted one is left out");
        GallerySample shape = sample(0.2, new GalleryMap("a", "img/a.png", 0.6, "centre", 0.5));
        assertEquals("The heatmap puts 60.0% of its weight on the 'star', which covers 20.0% of the picture: the"
                + " model looked at the shape.", MapSentences.of(shape, List.of()));
        GallerySample around = sample(0.2, new GalleryMap("a", "img/a.png", 0.4, "centre", 0.5));
        assertEquals("The heatmap puts 40.0% of its weight on the 'star', which covers 20.0% of the picture: more"
                + " than its share, but much lies around it.", MapSentences.of(around, List.of()));
    }

    @Test
    void withoutMasksItSaysWhereTheMapsAreBrightest() {
        GallerySample s = sample(null, new GalleryMap("a", "img/a.png", null, "bottom-right corner", 0.4),
                new GalleryMap("b", "img/b.png", null, "bottom-right corner", 0.2),
                new GalleryMap("c", "img/c.png", null, "centre", 0.5));
        assertEquals("2 of the 3 heatmaps are brightest at the bottom-right corner, with 30.0% of their weight"
                + " there, away from the middle.", MapSentences.of(s, List.of()));
        assertEquals("", MapSentences.of(sample(null, new GalleryMap("a", "img/a.png")), List.of()),
                "nothing measured, nothing said");
    }
}
