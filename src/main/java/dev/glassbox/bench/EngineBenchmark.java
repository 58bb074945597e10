package dev.glassbox.bench;

import dev.glassbox.Progress;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Throughput of the gradient engine on a small CNN of the demo's shape (3x32x32 input, 6 classes, random weights),
 * and its cost relative to DL4J's own passes on the same batch.
 */
public final class EngineBenchmark {

    private static final int[] BATCHES = {1, 16, 64, 256};
    private static final int CLASSES = 6;

    private final double seconds;
    private final Progress progress;

    public EngineBenchmark(double seconds, Progress progress) {
        this.seconds = seconds;
        this.progress = progress;
    }

    /** A CNN shaped like the demo's: two conv+pool stages, a dense layer, a softmax output. */
    public static MultiLayerNetwork demoShapedNetwork(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).padding(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).padding(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(32, 32, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public String run() {
        MultiLayerNetwork net = demoShapedNetwork(7);
        LoadedModel model = new LoadedModel(Path.of("demo-shaped-cnn"), ModelFormat.DL4J_ZIP, net,
                InputSpec.image(InputLayout.NCHW, 3, 32, 32));
        GradientEngine engine = GradientEngine.create(model);
        resetPeaks();

        List<String[]> rows = new ArrayList<>();
        long done = 0;
        for (int batch : BATCHES) {
            progress.update("Benchmarking the gradient engine", done++, BATCHES.length);
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, 32, 32);
            int[] targets = new int[batch];
            INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, CLASSES);
            for (int i = 0; i < batch; i++) {
                targets[i] = i % CLASSES;
                labels.putScalar(i, targets[i], 1.0);
            }
            Paired forward = Paired.time(() -> engine.logits(x), () -> net.output(x, false), seconds);
            Paired gradient = Paired.time(() -> engine.inputGradient(x, targets),
                    () -> net.calculateGradients(x, labels, null, null), seconds);
            rows.add(new String[] {
                String.valueOf(batch),
                rate(batch, forward.first()), rate(batch, gradient.first()),
                rate(batch, forward.second()), rate(batch, gradient.second()),
                String.format(Locale.ROOT, "%.2f×", forward.ratio()),
                String.format(Locale.ROOT, "%.2f×", gradient.ratio()),
                String.format(Locale.ROOT, "%.2f", gradient.first() * 1e3)});
        }
        progress.update("Benchmarking the gradient engine", BATCHES.length, BATCHES.length);
        return markdown(rows);
    }

    private String markdown(List<String[]> rows) {
        StringBuilder s = new StringBuilder();
        s.append("### Gradient engine (`glassbox bench`)\n\n");
        s.append("Small CNN of the demo's shape: 3×32×32 input, conv 16 → pool → conv 32 → pool → dense 64 → 6"
                + " classes, random weights, float32. Images per second, median of repeated runs; engine and DL4J runs alternate ("
                + seconds + " s per pair of cells) and the ratios are medians of per-pair ratios.\n\n");
        s.append("| batch | engine forward | engine forward + input gradient | DL4J `output` |"
                + " DL4J `calculateGradients` | engine forward ÷ `output` | engine gradient ÷ `calculateGradients` |"
                + " engine gradient ms/batch |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String[] r : rows) {
            s.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        s.append("\nPeak Java heap ").append(mib(peakHeap())).append(" MiB; peak resident memory (heap + ND4J"
                + " off-heap) ").append(peakRss()).append(".\n\n");
        s.append("Machine: ").append(machine()).append("\n");
        return s.toString();
    }

    private static String rate(int batch, double secondsPerBatch) {
        return String.format(Locale.ROOT, "%,.0f", batch / secondsPerBatch);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String peakRss() {
        return procStatus("VmHWM").map(kb -> mib(kb * 1024) + " MiB").orElse("unknown");
    }

    private static java.util.Optional<Long> procStatus(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith(key + ":"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes / (1024 * 1024));
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux: leave it unknown
        }
        long memKb = procMemTotal();
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %s GiB RAM; Java %s; ND4J %s backend,"
                        + " OMP_NUM_THREADS=%s.",
                cpu, Runtime.getRuntime().availableProcessors(),
                memKb > 0 ? String.valueOf(Math.round(memKb / 1024.0 / 1024.0)) : "?",
                System.getProperty("java.version"),
                Nd4j.getBackend().getClass().getSimpleName().replace("Backend", ""),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
    }

    private static long procMemTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "EngineBenchmark" + Arrays.toString(BATCHES);
    }
}
