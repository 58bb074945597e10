package dev.glassbox.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Flesch reading ease of a page's prose, measured the same way on every run: the markup stripped, the text of
 * each block of prose in {@code main} (paragraph, list item, definition, caption, table cell, summary) that ends as a
 * sentence ends, split into sentences after {@code . ! ?}, words split at white space, syllables counted as groups of
 * vowels ({@code a e i o u y}, at least one per word). 206.835 − 1.015 × words per sentence − 84.6 × syllables per
 * word: 60–70 is plain English, 50–60 fairly hard, 30–50 hard.
 */
public final class Readability {

    private static final String BLOCKS = "p, li, dd, figcaption, td, summary, blockquote";
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /** The counts behind a score, and the score. */
    public record Score(int sentences, int words, int syllables, double ease, int longest, String longestSentence) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Flesch %.1f (%d sentences, %d words, %d syllables; longest sentence"
                    + " %d words)", ease, sentences, words, syllables, longest);
        }
    }

    private Readability() {}

    /** The sentences of the page's prose, in page order. */
    public static List<String> sentences(Document page) {
        Element main = page.selectFirst("main");
        List<String> sentences = new ArrayList<>();
        if (main == null) {
            return sentences;
        }
        for (Element block : main.select(BLOCKS)) {
            Element own = block.clone();
            own.select(BLOCKS).remove();
            own.select("pre").remove();
            String text = own.text().strip();
            if (text.isEmpty() || !text.matches("(?s).*[.!?:]\\)?$")) {
                continue; // a label, a name or a figure, not prose
            }
            for (String s : SENTENCE_END.split(text)) {
                if (countWords(s) > 0) {
                    sentences.add(s.strip());
                }
            }
        }
        return sentences;
    }

    public static Score score(Document page) {
        return score(sentences(page));
    }

    public static Score score(List<String> sentences) {
        int words = 0;
        int syllables = 0;
        int longest = 0;
        String longestSentence = "";
        for (String s : sentences) {
            int w = 0;
            for (String word : s.split("\\s+")) {
                if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    w++;
                    syllables += syllables(word);
                }
            }
            words += w;
            if (w > longest) {
                longest = w;
                longestSentence = s;
            }
        }
        int n = sentences.size();
        double ease = n == 0 || words == 0 ? 100 : 206.835 - 1.015 * words / n - 84.6 * syllables / words;
        return new Score(n, words, syllables, ease, longest, longestSentence);
    }

    /** Groups of vowels in the word, at least one. */
    static int syllables(String word) {
        Matcher m = VOWELS.matcher(word.toLowerCase(Locale.ROOT));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return Math.max(1, n);
    }

    private static int countWords(String s) {
        int w = 0;
        for (String word : s.split("\\s+")) {
            if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                w++;
            }
        }
        return w;
    }
}
