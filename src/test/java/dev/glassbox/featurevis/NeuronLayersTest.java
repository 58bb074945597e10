package dev.glassbox.featurevis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NeuronLayersTest {

    private static GradientEngine demo;

    @BeforeAll
    static void load() {
        demo = DemoModels.engine("shapes-flawed.zip");
    }

    @Test
    void autoTakesTheFullSizeLayerOfEachOfTheLastTwoStages() {
        // conv1 (16 channels, 32x32) - pool1 (16, 16x16) - conv2 (32, 16x16) - pool2 (32, 8x8)
        assertEquals(List.of("conv1", "conv2"), NeuronLayers.automatic(demo));
        assertEquals(List.of("conv1", "conv2"), NeuronLayers.resolve(demo, List.of("auto"), 6, "demo.yaml", "m"));
        assertEquals(List.of("conv1", "pool2"), NeuronLayers.resolve(demo, List.of("pool2", "conv1"), 6, "d", "m"),
                "named layers come in the network's order");
    }

    @Test
    void anUnknownLayerIsAUsageErrorListingTheLayersToChooseFrom() {
        GlassboxException e = assertThrows(GlassboxException.class,
                () -> NeuronLayers.resolve(demo, List.of("conv9"), 6, "demo.yaml", "shapes-flawed"));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("demo.yaml: neurons.layers: shapes-flawed has no layer 'conv9'"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("conv1, pool1, conv2, pool2"), e.getMessage());
    }

    @Test
    void aLayerWithoutHeightAndWidthIsAUsageError() {
        GlassboxException e = assertThrows(GlassboxException.class,
                () -> NeuronLayers.resolve(demo, List.of("dense"), 6, "demo.yaml", "shapes-flawed"));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("layer 'dense' of shapes-flawed has no height and width ([64])"),
                e.getMessage());
        assertTrue(e.getMessage().contains("conv1, pool1, conv2, pool2"), e.getMessage());
    }

    @Test
    void moreGroupsThanChannelsIsAUsageErrorWhenAskedFor() {
        GlassboxException e = assertThrows(GlassboxException.class,
                () -> NeuronLayers.resolve(demo, List.of("auto"), 20, "demo.yaml", "shapes-flawed"));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("20 groups for layer 'conv1' of shapes-flawed, which has 16 channels;"
                + " choose at most 16"), e.getMessage());
        // the default (0 here) adapts to a narrow layer instead
        assertEquals(List.of("conv1", "conv2"), NeuronLayers.resolve(demo, List.of("auto"), 0, "d", "m"));
    }
}
