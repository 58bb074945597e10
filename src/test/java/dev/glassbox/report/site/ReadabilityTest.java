package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.testing.Readability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report reads plainly even when its names are hostile: Flesch reading ease of the overview's prose at least 60
 * and of every other page's at least 50 ({@link Readability}), and no overview sentence of 25 words or more. The
 * demo report is held to the same in {@code ShapesDemoTest}.
 */
class ReadabilityTest {

    static final double OVERVIEW = 60;
    static final double OTHER = 50;
    static final int LONGEST = 24;

    private static MemoryOutput site;

    @BeforeAll
    static void render() {
        try (ImageStore store = ImageStore.temporary()) {
            site = SiteFixtures.render(SiteWriterTest.nastyReport(store), store);
        }
    }

    @Test
    void everyPageOfTheHostileReportReadsPlainly() {
        assertEquals(List.of(), tooHard(site));
    }

    @Test
    void noOverviewSentenceHas25WordsOrMore() {
        assertEquals(List.of(), tooLong(Jsoup.parse(site.text("index.html"))));
    }

    @Test
    void syllablesAreGroupsOfVowels() {
        Readability.Score s = Readability.score(List.of("The cat sat.", "A shortcut is a cue."));
        assertEquals(2, s.sentences());
        assertEquals(8, s.words());
        // the, cat, sat, a, short-cut (2), is, a, cue (1: "ue" is one group)
        assertEquals(9, s.syllables());
        assertTrue(s.ease() > 100, s.toString());
    }

    /** Each page of {@code site} below its reading ease, with its score; every page's score is printed. */
    static List<String> tooHard(MemoryOutput site) {
        List<String> hard = new ArrayList<>();
        for (String page : site.paths()) {
            if (!page.endsWith(".html") || page.contains("/")) {
                continue;
            }
            Readability.Score s = Readability.score(Jsoup.parse(site.text(page)));
            double min = page.equals("index.html") ? OVERVIEW : OTHER;
            System.out.printf(Locale.ROOT, "%-32s %s%n", page, s);
            if (s.ease() < min) {
                hard.add(page + ": " + s + " is below " + min);
            }
        }
        return hard;
    }

    /** The overview's sentences of 25 words or more. */
    static List<String> tooLong(Document overview) {
        List<String> longer = new ArrayList<>();
        for (String sentence : Readability.sentences(overview)) {
            if (Readability.score(List.of(sentence)).words() > LONGEST) {
                longer.add(sentence);
            }
        }
        return longer;
    }
}
