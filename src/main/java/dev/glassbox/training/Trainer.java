package dev.glassbox.training;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.data.InMemoryImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains {@link ShapesCnn} on labelled images: minibatches in an order drawn from the seed, Adam, a fixed number of
 * epochs. Weights and order both come from the seed, and training runs on one thread ({@link CpuThreads}), so the
 * same data, settings and machine give the same model.
 */
public final class Trainer {

    /**
     * @param epochs       passes over the data
     * @param seed         weights and minibatch order
     * @param batchSize    images per step
     * @param learningRate Adam's step size
     */
    public record Settings(int epochs, long seed, int batchSize, double learningRate) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw GlassboxException.usage("epochs and batch size must be at least 1 and the learning rate"
                        + " positive (got " + epochs + ", " + batchSize + ", " + learningRate + ")");
            }
        }
    }

    private final Settings settings;

    public Trainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * Trains a fresh network. {@code log} gets one line per epoch (the mean loss).
     */
    public MultiLayerNetwork train(InMemoryImages data, Progress progress, Consumer<String> log) {
        try (CpuThreads single = CpuThreads.limit(1)) {
            return trainSingleThreaded(data, progress, log);
        }
    }

    private MultiLayerNetwork trainSingleThreaded(InMemoryImages data, Progress progress, Consumer<String> log) {
        if (data.width() != data.height()) {
            throw new IllegalArgumentException("square images expected");
        }
        Nd4j.getRandom().setSeed(settings.seed());
        MultiLayerNetwork net = ShapesCnn.build(settings.seed(), data.width(), data.classes().size(),
                settings.learningRate());
        int n = data.size();
        int len = data.imageLength();
        int k = data.classes().size();
        int steps = (n + settings.batchSize() - 1) / settings.batchSize();
        SplittableRandom order = new SplittableRandom(settings.seed());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            String what = String.format(Locale.ROOT, "Training epoch %d/%d", epoch, settings.epochs());
            progress.update(what, 0, steps);
            double lossSum = 0;
            for (int s = 0; s < steps; s++) {
                int from = s * settings.batchSize();
                int b = Math.min(settings.batchSize(), n - from);
                float[] x = new float[b * len];
                float[] y = new float[b * k];
                for (int r = 0; r < b; r++) {
                    int i = idx[from + r];
                    System.arraycopy(data.pixels(), i * len, x, r * len, len);
                    y[r * k + data.labels()[i]] = 1f;
                }
                INDArray features = Nd4j.create(x, new long[] {b, 3, data.height(), data.width()}, 'c');
                DataSet batch = new DataSet(features, Nd4j.create(y, new long[] {b, k}, 'c'));
                net.fit(batch);
                lossSum += net.score() * b;
                progress.update(what, s + 1, steps);
            }
            log.accept(String.format(Locale.ROOT, "epoch %d/%d: mean loss %.4f", epoch, settings.epochs(),
                    lossSum / n));
        }
        return net;
    }

    /** Writes the network (without updater state) to a temporary file beside {@code out}, then moves it there. */
    public static void save(MultiLayerNetwork net, Path out) {
        Path target = out.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                ModelSerializer.writeModel(net, tmp.toFile(), false);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw GlassboxException.badInput(out, "cannot write the model: " + e.getMessage(), e);
        }
    }
}
