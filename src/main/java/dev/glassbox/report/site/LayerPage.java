package dev.glassbox.report.site;

import java.util.Map;

/**
 * {@code neurons-m0-conv2.html}: one layer of one model, a card per neuron group. The navigation leaves these pages
 * out and marks "Neurons" as current; the breadcrumb leads back to it.
 */
record LayerPage(Page page, NeuronLayerPage layer) implements SitePage {

    @Override
    public Map<String, Object> variables() {
        return Map.of("layer", layer);
    }
}
