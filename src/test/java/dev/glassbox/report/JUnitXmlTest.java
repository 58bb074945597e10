package dev.glassbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.testing.TinyReports;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitXmlTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static Report base;
    private static Report checked;

    @BeforeAll
    static void reports() {
        try (ImageStore store = ImageStore.temporary()) {
            base = TinyReports.build(store, List.of(TinyReports.model("one", 3), TinyReports.model("two <&\"", 4)),
                    List.of(TinyReports.images("d", CLASSES, 12, 1)));
            checked = TinyReports.withChecks(base, TinyReports.hostileChecks(base), TinyReports.HOSTILE_RUN);
        }
    }

    @Test
    void everyResultIsATestCaseCountedPerModel() throws Exception {
        Element root = parse(JUnitXml.toXml(checked)).getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("Tiny report", root.getAttribute("name"));
        assertEquals("11", root.getAttribute("tests"));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("1", root.getAttribute("skipped"));

        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element one = (Element) suites.item(0);
        Element two = (Element) suites.item(1);
        assertEquals("one", one.getAttribute("name"));
        assertEquals("two <&\"", two.getAttribute("name"), "a model name with markup survives escaping");
        assertEquals("7", one.getAttribute("tests"));
        assertEquals("2", one.getAttribute("failures"));
        assertEquals("1", one.getAttribute("errors"));
        assertEquals("1", one.getAttribute("skipped"));
        assertEquals("4", two.getAttribute("tests"));
        assertEquals("0", two.getAttribute("failures"));
        assertEquals("2026-01-01T00:00:00", one.getAttribute("timestamp"), "the report's own time, nothing else");

        List<CheckResult> results = checked.checks();
        NodeList cases = root.getElementsByTagName("testcase");
        assertEquals(results.size(), cases.getLength());
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            CheckResult r = results.get(i);
            assertEquals("glassbox." + r.model() + "." + r.check(), c.getAttribute("classname"));
            assertEquals(r.key(), c.getAttribute("name"));
            String expected = switch (r.status()) {
                case FAIL -> "failure";
                case ERROR -> "error";
                case SKIPPED -> "skipped";
                case WARN -> "system-out";
                case PASS -> null;
            };
            List<Element> children = children(c);
            if (expected == null) {
                assertEquals(List.of(), children, "a pass has no outcome element");
                continue;
            }
            assertEquals(1, children.size(), r.key());
            Element outcome = children.get(0);
            assertEquals(expected, outcome.getTagName(), r.key());
            if (r.status() == CheckStatus.WARN) {
                assertTrue(outcome.getTextContent().startsWith("warn: " + r.finding()), outcome.getTextContent());
            } else {
                assertEquals(r.finding(), outcome.getAttribute("message"), "escaped and read back exactly");
            }
            if (r.status() == CheckStatus.FAIL) {
                assertEquals("fail", outcome.getAttribute("type"));
                assertTrue(outcome.getTextContent().contains("threshold: " + (r.threshold() == 0.9 ? "0.9" : "0.5")),
                        outcome.getTextContent());
            }
        }
        Element accuracyFailure = children((Element) cases.item(0)).get(0);
        assertTrue(accuracyFailure.getTextContent().contains("value: 0.4\n"), accuracyFailure.getTextContent());
        assertTrue(accuracyFailure.getTextContent().contains("interval-low: 0.3\n"));
    }

    @Test
    void validatesAgainstTheJUnitSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitXmlTest.class.getResource("/junit.xsd"));
        for (Report r : List.of(checked, base)) {
            schema.newValidator().validate(new StreamSource(new StringReader(JUnitXml.toXml(r))));
        }
    }

    @Test
    void aReportWithoutChecksHasEmptySuites() throws Exception {
        Element root = parse(JUnitXml.toXml(base)).getDocumentElement();
        assertEquals("0", root.getAttribute("tests"));
        assertEquals(2, root.getElementsByTagName("testsuite").getLength());
        assertEquals(0, root.getElementsByTagName("testcase").getLength());
    }

    @Test
    void charactersXmlCannotHoldAreDroppedNotFatal() throws Exception {
        CheckResult odd = new CheckResult("accuracy", "one", "d\u0001", null, null, CheckStatus.FAIL, 0.1, 0.9,
                "Bell \u0007 and a lone surrogate \uD800 in a finding.", List.of(), Map.of(), List.of());
        Report r = TinyReports.withChecks(base, List.of(odd), RunInfo.seedOnly(1));
        String xml = JUnitXml.toXml(r);
        Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
        assertEquals("Bell  and a lone surrogate  in a finding.", failure.getAttribute("message"));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitXmlTest.class.getResource("/junit.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void theSameReportGivesTheSameFile() {
        assertEquals(JUnitXml.toXml(checked), JUnitXml.toXml(checked));
        assertTrue(JUnitXml.toXml(checked).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> children(Element e) {
        List<Element> out = new java.util.ArrayList<>();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }
}
