package dev.glassbox.model;

import java.util.Locale;

/** How one example is laid out in the model's input tensor. */
public enum InputLayout {
    /** channels, height, width: DL4J's own convolution layers. */
    NCHW,
    /** height, width, channels: models imported from Keras. */
    NHWC,
    /** one vector, such as a dense net's [784] or a LeNet that reshapes inside. */
    FLAT;

    public static InputLayout parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dev.glassbox.GlassboxException.usage(
                    "input layout '" + text + "' is not one of NCHW, NHWC, flat");
        }
    }
}
