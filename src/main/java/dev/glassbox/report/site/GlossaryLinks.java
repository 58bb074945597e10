package dev.glassbox.report.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Links the first use of each {@link Glossary} term in a page's {@code main} to its entry, so a reader can look up
 * any word on any page. Text in links, headings, code, summaries and badges is left alone; the text itself never
 * changes, only a link is put around it.
 */
final class GlossaryLinks {

    /** Where a term is never linked: links cannot nest, headings and summaries stay plain, code stays code. */
    private static final String SKIP = "a, h1, h2, h3, h4, h5, h6, code, pre, summary, .badge, .skip-link, button,"
            + " label, title, script, style";

    private final Pattern pattern;
    private final Map<String, Glossary.Term> byForm = new HashMap<>();

    GlossaryLinks() {
        List<String> forms = new ArrayList<>();
        for (Glossary.Term t : Glossary.terms()) {
            for (String f : t.forms()) {
                byForm.put(key(f, t.exact()), t);
                forms.add(f);
            }
        }
        // longest first, so "neuron group" wins over "neuron"; the terms that must match their case are checked after
        forms.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String f : forms) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(f));
        }
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}_-])(" + alternatives + ")(?![\\p{L}\\p{N}_-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The page {@code html} with its terms linked; the glossary page itself is left as it is. */
    String link(String html, String file) {
        if (file.equals(Glossary.PAGE)) {
            return html;
        }
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.xhtml);
        Element main = doc.selectFirst("main");
        if (main == null) {
            return html;
        }
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !t.isBlank() && !skipped(t)) {
                    texts.add(t);
                }
            }

            @Override
            public void tail(Node node, int depth) {}
        }, main);
        Set<String> linked = new HashSet<>();
        for (TextNode t : texts) {
            linkIn(t, linked);
        }
        return doc.outerHtml() + "\n";
    }

    private static boolean skipped(TextNode t) {
        for (Element e = t.parent() instanceof Element p ? p : null; e != null; e = e.parent()) {
            if (e.is(SKIP)) {
                return true;
            }
        }
        return false;
    }

    /** Links the first term in {@code text} not yet linked on the page, then looks on in the rest of the text. */
    private void linkIn(TextNode text, Set<String> linked) {
        TextNode rest = text;
        while (rest != null) {
            String s = rest.getWholeText();
            Matcher m = pattern.matcher(s);
            TextNode next = null;
            while (m.find()) {
                Glossary.Term term = termOf(m.group(1));
                if (term == null || !linked.add(term.id())) {
                    continue;
                }
                // jsoup splits only strictly inside a text: a term at either end needs no split there
                TextNode after = m.end() < s.length() ? rest.splitText(m.end()) : null;
                TextNode word = m.start() > 0 ? rest.splitText(m.start()) : rest;
                Element a = new Element("a").addClass("term").attr("href", term.href());
                word.before(a);
                a.appendChild(word);
                next = after;
                break;
            }
            rest = next;
        }
    }

    /** The term a matched form names, or null where its case is wrong for a term that must match exactly. */
    private Glossary.Term termOf(String found) {
        Glossary.Term exact = byForm.get(key(found, true));
        if (exact != null) {
            return exact;
        }
        Glossary.Term loose = byForm.get(key(found, false));
        return loose != null && !loose.exact() ? loose : null;
    }

    private static String key(String form, boolean exact) {
        return exact ? "=" + form : "~" + form.toLowerCase(Locale.ROOT);
    }
}
