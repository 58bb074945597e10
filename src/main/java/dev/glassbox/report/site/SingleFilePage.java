package dev.glassbox.report.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The whole site as one page, to open from an e-mail attachment: each page of the site becomes a section whose id is
 * its file name without {@code .html} ({@code #checks}), in the navigation's order with the layer pages after the
 * neurons page; the ids inside a page get the page's id in front ({@code #checks--m0-r3}), and every link between
 * pages or to an anchor becomes such an in-page link. Pictures are inlined as {@code data:} URIs and the stylesheet
 * as a {@code <style>} element. A link to a file that is not a page (a picture, {@code summary.json}) keeps its text
 * and loses its link: nothing refers outside the file.
 */
final class SingleFilePage {

    /** What marks a page as one Glassbox put together, near its top (see {@link SingleFileOutput#isSingleFile}). */
    static final String MARKER = "<meta name=\"glassbox-report\" content=\"single-file\">";
    private static final String INDEX = OverviewPage.PAGE.file();
    private static final List<String> ID_REFERENCES = List.of("aria-labelledby", "aria-describedby",
            "aria-controls", "for", "headers");
    private static final String EXTRA_CSS = "\n/* one file: the pages follow each other */\n"
            + ".single-page + .single-page { border-top: 3px double var(--line); margin-top: 3rem; }\n"
            + ".to-top { font-size: .9rem; margin: 2rem 0; }\n";

    private final MemoryOutput site;
    /** Each page, parsed, by its file, in the order the sections come. */
    private final Map<String, Document> documents;
    /** Each page's section id, by its file. */
    private final Map<String, String> pages = new LinkedHashMap<>();

    private SingleFilePage(MemoryOutput site, Map<String, Document> documents) {
        this.site = site;
        this.documents = documents;
        documents.keySet().forEach(f -> pages.put(f, f.substring(0, f.length() - ".html".length())));
    }

    /** The site in {@code site} (as {@link SiteWriter} writes it) as one HTML document. */
    static String of(MemoryOutput site) {
        if (!site.has(INDEX)) {
            throw new IllegalStateException("the site has no " + INDEX);
        }
        Map<String, Document> parsed = new LinkedHashMap<>();
        site.paths().stream().filter(p -> p.endsWith(".html") && !p.contains("/"))
                .forEach(p -> parsed.put(p, Jsoup.parse(site.text(p))));
        Map<String, Document> ordered = new LinkedHashMap<>();
        order(parsed).forEach(f -> ordered.put(f, parsed.get(f)));
        return new SingleFilePage(site, ordered).assemble();
    }

    /** The navigation's pages in its order, each followed by the pages it leads to (a layer page by its neurons page). */
    private static List<String> order(Map<String, Document> pages) {
        List<String> files = List.copyOf(pages.keySet());
        List<String> nav = pages.get(INDEX).select(".site-header nav a").eachAttr("href").stream()
                .filter(files::contains).toList();
        List<String> order = new ArrayList<>();
        for (String parent : nav) {
            order.add(parent);
            for (String f : files) {
                Element current = pages.get(f).selectFirst(".site-header nav a[aria-current=page]");
                if (!nav.contains(f) && current != null && parent.equals(current.attr("href"))) {
                    order.add(f);
                }
            }
        }
        files.stream().filter(f -> !order.contains(f)).forEach(order::add);
        return order;
    }

    private String assemble() {
        Document index = documents.get(INDEX);
        Document doc = Jsoup.parse("<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>");
        // xhtml escaping writes < in attribute values as &lt;, as the site's pages do: a name with markup in it stays
        // text wherever it lands
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.xhtml);
        head(index, doc.head());
        Element header = index.selectFirst("header.site-header");
        if (header != null) {
            header.select(".breadcrumb").remove();
            header.select("[aria-current]").removeAttr("aria-current");
            rewrite(header, INDEX);
            // the skip link leads past the navigation to the first page's section
            header.select("a.skip-link").attr("href", "#" + pages.get(INDEX));
            doc.body().appendChild(header.attr("id", "top"));
        }
        Element main = doc.body().appendElement("main");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Document page = documents.get(p.getKey());
            Element content = page.selectFirst("main");
            Element section = main.appendElement("section").addClass("single-page").attr("id", p.getValue())
                    .attr("aria-label", title(page));
            if (content != null) {
                rewrite(content, p.getKey());
                section.insertChildren(0, content.childNodesCopy());
            }
            section.appendElement("p").addClass("to-top").appendElement("a").attr("href", "#top").text("↑ Pages");
        }
        Element footer = index.selectFirst("footer.site-footer");
        if (footer != null) {
            rewrite(footer, INDEX);
            doc.body().appendChild(footer);
        }
        return doc.outerHtml() + "\n";
    }

    /** The index's head with its stylesheet inlined, the marker near the top and the report's title. */
    private void head(Document index, Element head) {
        for (Element e : index.head().children()) {
            if (!e.is("link[rel=stylesheet], title, style, script, meta[http-equiv=Content-Security-Policy]")) {
                head.appendChild(e.clone());
            }
        }
        Element charset = head.selectFirst("meta[charset]");
        Element marker = Jsoup.parse(MARKER).selectFirst("meta");
        if (charset != null) {
            charset.after(marker);
        } else {
            head.prependChild(marker);
        }
        Element brand = index.selectFirst(".site-header .brand");
        head.appendElement("title").text(brand != null ? brand.text() : index.title());
        String css = (site.has(SiteWriter.CSS) ? site.text(SiteWriter.CSS) : "") + EXTRA_CSS;
        // One file holds everything: pictures as data: URIs and this one style element, allowed by its hash.
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content",
                "default-src 'none'; img-src data:; style-src '" + sha256(css) + "'; base-uri 'none';"
                        + " form-action 'none'");
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(css));
    }

    /** The CSP source of a style element's text: {@code sha256-BASE64}. */
    static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** The page's title as the navigation names it: the tab title without the report's title. */
    private static String title(Document page) {
        String t = page.title();
        int dot = t.indexOf(" · ");
        return dot > 0 ? t.substring(0, dot) : t;
    }

    /** Gives the ids of page {@code file} its prefix, points its links into this page and inlines its pictures. */
    private void rewrite(Element root, String file) {
        String prefix = pages.get(file) + "--";
        for (Element e : root.select("[id]")) {
            e.attr("id", prefix + e.attr("id"));
        }
        for (String attribute : ID_REFERENCES) {
            for (Element e : root.select("[" + attribute + "]")) {
                List<String> ids = new ArrayList<>();
                for (String id : e.attr(attribute).trim().split("\\s+")) {
                    ids.add(prefix + id);
                }
                e.attr(attribute, String.join(" ", ids));
            }
        }
        for (Element a : root.select("a[href]")) {
            String target = target(a.attr("href"), file);
            if (target != null) {
                a.attr("href", target);
            } else {
                a.unwrap();
            }
        }
        for (Element img : root.select("img")) {
            img.removeAttr("srcset");
            String src = img.attr("src");
            if (src.startsWith("data:")) {
                continue;
            }
            if (CheckViews.isSitePicture(src) && src.endsWith(".png") && site.has(src)) {
                img.attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(site.bytes(src)));
            } else {
                img.replaceWith(new Element("span").addClass("missing-picture")
                        .text(img.attr("alt") + " (picture not in the report)"));
            }
        }
    }

    /** Where a link of page {@code file} leads in the one page, or null where it leads outside it. */
    private String target(String href, String file) {
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash + 1);
        String page = path.isEmpty() ? file : path;
        String id = pages.get(page);
        if (id == null) {
            return null;
        }
        return "#" + (fragment.isEmpty() ? id : id + "--" + fragment);
    }
}
