package dev.glassbox.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model the report tests.
 *
 * @param name   the name readers see ("shapes-flawed")
 * @param file   the model file, hashed into the report so readers can tell which file was tested
 * @param engine the model's gradient engine
 */
public record ModelUnderTest(String name, Path file, GradientEngine engine) {

    public ModelUnderTest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model needs a name");
        }
        Objects.requireNonNull(file);
        Objects.requireNonNull(engine);
    }

    /** The model file's SHA-256, or null for a model that was never a file (tests build them in memory). */
    public String sha256() {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        try (var in = new java.security.DigestInputStream(java.nio.file.Files.newInputStream(file),
                java.security.MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (java.io.IOException e) {
            throw dev.glassbox.GlassboxException.badInput(file, "cannot read the model file: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
