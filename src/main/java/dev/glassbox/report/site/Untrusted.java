package dev.glassbox.report.site;

/**
 * An attribution method whose pictures failed the sanity check for a model: they barely depend on what the model
 * learned, so they must not be trusted for it.
 *
 * @param href the failing result on the checks page
 */
public record Untrusted(String method, String model, String finding, String href) {

    /** The method's note on the methods page. */
    public String methodHref() {
        return "methods.html#" + MethodSection.anchor(method);
    }
}
