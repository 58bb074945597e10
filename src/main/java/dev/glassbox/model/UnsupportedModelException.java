package dev.glassbox.model;

/** A network Glassbox cannot explain; {@link GradientEngine#create} turns it into a one-line error naming the file. */
final class UnsupportedModelException extends RuntimeException {

    UnsupportedModelException(String message) {
        super(message);
    }
}
