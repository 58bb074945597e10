package dev.glassbox.report;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Evidence;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: the battery in the JUnit format of Ant and Jenkins, so a CI system lists every check result as a
 * test. One suite per model, one test case per result (class name {@code glassbox.MODEL.CHECK}, name
 * {@link CheckResult#key()}): a fail is a failure, an error an error, a skipped check is skipped, and a warn passes
 * with its finding in {@code system-out}. Nothing in it varies between runs but the report's own time stamp.
 */
public final class JUnitXml {

    public static final String FILE_NAME = "junit.xml";

    private JUnitXml() {}

    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, toXml(report), StandardCharsets.UTF_8);
    }

    public static String toXml(Report report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            Map<String, List<CheckResult>> suites = byModel(report);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", clean(report.title()));
            counts(xml, report.checks());
            xml.writeAttribute("time", "0");
            String timestamp = LocalDateTime.ofInstant(report.generatedAt(), ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            int id = 0;
            for (Map.Entry<String, List<CheckResult>> suite : suites.entrySet()) {
                newline(xml, 1);
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", clean(suite.getKey()));
                counts(xml, suite.getValue());
                xml.writeAttribute("time", "0");
                xml.writeAttribute("timestamp", timestamp);
                xml.writeAttribute("id", Integer.toString(id++));
                for (CheckResult r : suite.getValue()) {
                    newline(xml, 2);
                    testCase(xml, r);
                }
                newline(xml, 1);
                xml.writeEndElement();
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml", e);
        }
        return text + "\n";
    }

    /** The results per model: the report's models in order (each a suite, even without results), then any other. */
    private static Map<String, List<CheckResult>> byModel(Report report) {
        Map<String, List<CheckResult>> suites = new LinkedHashMap<>();
        report.models().forEach(m -> suites.put(m.name(), new ArrayList<>()));
        for (CheckResult r : report.checks()) {
            suites.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
        }
        return suites;
    }

    private static void counts(XMLStreamWriter xml, List<CheckResult> results) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(results.size()));
        xml.writeAttribute("failures", Long.toString(count(results, CheckStatus.FAIL)));
        xml.writeAttribute("errors", Long.toString(count(results, CheckStatus.ERROR)));
        xml.writeAttribute("skipped", Long.toString(count(results, CheckStatus.SKIPPED)));
    }

    private static long count(List<CheckResult> results, CheckStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static void testCase(XMLStreamWriter xml, CheckResult r) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean("glassbox." + r.model() + "." + r.check()));
        xml.writeAttribute("name", clean(r.key()));
        xml.writeAttribute("time", "0");
        switch (r.status()) {
            case FAIL -> outcome(xml, "failure", r, true);
            case ERROR -> outcome(xml, "error", r, true);
            case SKIPPED -> outcome(xml, "skipped", r, false);
            case WARN -> {
                newline(xml, 3);
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean("warn: " + r.finding() + "\n" + details(r)));
                xml.writeEndElement();
                newline(xml, 2);
            }
            case PASS -> { }
            default -> throw new IllegalStateException(r.status().toString());
        }
        xml.writeEndElement();
    }

    private static void outcome(XMLStreamWriter xml, String element, CheckResult r, boolean withDetails)
            throws XMLStreamException {
        newline(xml, 3);
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(r.finding()));
        if (withDetails) {
            xml.writeAttribute("type", r.status().id());
            xml.writeCharacters(clean(details(r)));
        }
        xml.writeEndElement();
        newline(xml, 2);
    }

    /** The figures behind a result, one per line, for the CI system's failure view. */
    static String details(CheckResult r) {
        StringBuilder b = new StringBuilder();
        b.append("check: ").append(r.key()).append('\n');
        if (r.value() != null) {
            b.append("value: ").append(figure(r.value())).append('\n');
        }
        if (r.threshold() != null) {
            b.append("threshold: ").append(figure(r.threshold())).append('\n');
        }
        r.details().forEach((name, v) -> b.append(name).append(": ").append(figure(v)).append('\n'));
        for (Evidence e : r.evidence()) {
            b.append("evidence: ").append(e.picture()).append(" (").append(e.caption()).append(")\n");
        }
        return b.toString();
    }

    private static String figure(Double v) {
        return v == null ? "none" : String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * Drops the characters XML 1.0 cannot hold at all (control characters other than tab, newline and return, and
     * unpaired surrogates): a finding that quotes a broken file name must not make the whole file unreadable.
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
