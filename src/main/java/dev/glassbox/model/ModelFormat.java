package dev.glassbox.model;

/** Where a model came from. */
public enum ModelFormat {
    DL4J_ZIP("DL4J model zip"),
    KERAS_H5("Keras 2 HDF5");

    private final String label;

    ModelFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
