package dev.glassbox.report.site;

import java.util.Map;

/** {@code neurons.html}: per model, its class pictures and a link to the page of each layer examined. */
record NeuronsPage(NeuronViews neurons) implements SitePage {

    static final Page PAGE = new Page(NeuronViews.PAGE, "neurons", "Neurons");

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("sections", neurons.sections());
    }
}
