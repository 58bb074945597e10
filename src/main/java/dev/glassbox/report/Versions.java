package dev.glassbox.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The software that made a report, so a reader can tell reports from different builds apart. */
public final class Versions {

    private Versions() {}

    public static Map<String, String> current() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("glassbox", orUnknown(Versions.class.getPackage().getImplementationVersion(), "development"));
        v.put("deeplearning4j", orUnknown(
                org.deeplearning4j.nn.conf.NeuralNetConfiguration.class.getPackage().getImplementationVersion(),
                "1.0.0-M2.1"));
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static String orUnknown(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
