package dev.glassbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.GlassboxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads a DL4J {@code ModelSerializer} zip or a Keras 2 {@code .h5} file, refusing anything else with a one-line
 * reason that names the file.
 */
public final class ModelLoader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final String KERAS3_ADVICE = "Keras 3 files are not supported; save the model in the Keras 2 HDF5"
            + " format (Keras 2.x or tf.keras before TensorFlow 2.16, model.save(\"model.h5\"))";

    private static final String UNKNOWN_INPUT = "the input size cannot be told from the model; give it with --input"
            + " (for example NCHW:3x32x32, NHWC:32x32x3 or flat:784)";

    private final ObjectMapper json = new ObjectMapper();

    public LoadedModel load(Path file) {
        return load(file, null);
    }

    /**
     * Loads a model; {@code given}, when not null, is the input spec to use instead of the one detected (a model that
     * does not record its input size, such as a CNN ending in global pooling, needs one).
     */
    public LoadedModel load(Path file, InputSpec given) {
        if (!Files.exists(file)) {
            throw GlassboxException.badInput(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw GlassboxException.badInput(file, "is a folder, not a model file (.zip or .h5)");
        }
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw GlassboxException.badInput(file, "is empty, not a model file");
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return loadZip(file, given);
        }
        if (startsWith(head, HDF5_MAGIC)) {
            return loadKeras(file, given);
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            throw GlassboxException.badInput(file, "is not an HDF5 file (a Keras 2 model saved with model.save)");
        }
        if (name.endsWith(".zip")) {
            throw GlassboxException.badInput(file, "is not a zip file (a DL4J model saved with ModelSerializer)");
        }
        throw GlassboxException.badInput(file,
                "is neither a DL4J model zip nor a Keras 2 .h5 file (it starts with neither signature)");
    }

    private LoadedModel loadZip(Path file, InputSpec given) {
        String configuration;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("config.json") != null && zip.getEntry("model.weights.h5") != null) {
                throw GlassboxException.badInput(file, "is a Keras 3 .keras archive. " + KERAS3_ADVICE);
            }
            ZipEntry conf = zip.getEntry("configuration.json");
            if (conf == null || zip.getEntry("coefficients.bin") == null) {
                throw GlassboxException.badInput(file, "is a zip but not a DL4J model: it lacks configuration.json"
                        + " and coefficients.bin (save it with ModelSerializer.writeModel)");
            }
            try (InputStream in = zip.getInputStream(conf)) {
                configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (ZipException e) {
            throw GlassboxException.badInput(file, "is a truncated or corrupt zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw GlassboxException.badInput(file, "cannot be read: " + e.getMessage(), e);
        }
        boolean graph = configuration.contains("\"vertices\"");
        Model network;
        try {
            network = graph
                    ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (Exception e) {
            throw GlassboxException.badInput(file, "is a DL4J zip that DL4J cannot restore: " + firstLine(e), e);
        }
        InputSpec spec = given != null ? given : InputSpecDetector.fromNetwork(network)
                .orElseThrow(() -> GlassboxException.badInput(file, UNKNOWN_INPUT));
        return new LoadedModel(file, ModelFormat.DL4J_ZIP, network, spec);
    }

    private LoadedModel loadKeras(Path file, InputSpec given) {
        JsonNode modelConfig;
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            String version = archive.hasAttribute("keras_version") ? archive.readAttributeAsString("keras_version") : "";
            if (version.startsWith("3")) {
                throw GlassboxException.badInput(file, "was written by Keras " + version + ". " + KERAS3_ADVICE);
            }
            if (!archive.hasAttribute("model_config")) {
                throw GlassboxException.badInput(file, "holds weights only, no model architecture"
                        + " (save it with model.save, not model.save_weights)");
            }
            modelConfig = json.readTree(archive.readAttributeAsJson("model_config"));
        } catch (GlassboxException e) {
            throw e;
        } catch (Exception e) {
            throw GlassboxException.badInput(file, "is an HDF5 file that is not a readable Keras model: "
                    + firstLine(e), e);
        }
        String className = modelConfig.path("class_name").asText("");
        Model network;
        try {
            network = "Sequential".equals(className)
                    ? KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false)
                    : KerasModelImport.importKerasModelAndWeights(file.toString(), false);
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains("major version")) {
                throw GlassboxException.badInput(file, "is not a Keras 2 file. " + KERAS3_ADVICE, e);
            }
            throw GlassboxException.badInput(file, "DL4J cannot import this Keras model: " + firstLine(e), e);
        }
        InputSpec spec = given != null ? given : InputSpecDetector.fromKerasConfig(modelConfig, network)
                .or(() -> InputSpecDetector.fromNetwork(network))
                .orElseThrow(() -> GlassboxException.badInput(file, UNKNOWN_INPUT));
        return new LoadedModel(file, ModelFormat.KERAS_H5, network, spec);
    }

    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int more = line.indexOf(" For more information, see");
        return (more < 0 ? line : line.substring(0, more)).trim();
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw GlassboxException.badInput(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
