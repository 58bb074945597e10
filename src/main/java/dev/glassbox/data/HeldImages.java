package dev.glassbox.data;

import dev.glassbox.Progress;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decoded pictures held in memory for the rest of the run, so that each picture is decoded once however many
 * passes read it (evaluation, gallery, checks, neuron groups, and every model compared).
 *
 * <p>A preprocessed 8-bit picture takes only 256 values per channel, so it is held as one byte per value, a code
 * into that channel's table of model-input values, and turned back into exactly the same floats when read: a
 * quarter of the memory of floats, which is what lets a 10,000-picture report stay near the memory of a
 * 1,000-picture one. Where some value is not in the table (a grayscale model's luma, say), the pictures are held
 * as floats.
 */
final class HeldImages {

    /** Read from the source this many pictures at a time. */
    private static final int CHUNK = 100;

    private HeldImages() {}

    /**
     * Everything {@code source} holds, read once in chunks (with progress) and then served from memory.
     *
     * @param exampleShape the shape of one picture, channels first
     * @param tables       per channel, the values a picture can take, ascending (index = code); or null to hold
     *                     floats
     * @param maxFloats    the most values held as floats; beyond it, or beyond 2^31 codes, {@code source} itself
     *                     is returned and pictures are decoded as they are read
     */
    static ImageBatches hold(ImageBatches source, int n, long[] exampleShape, float[][] tables, long maxFloats,
                             String task, Progress progress) {
        long total = (long) n * Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        if (n == 0 || total > (tables == null ? maxFloats : Integer.MAX_VALUE - 8)) {
            return source;
        }
        int length = (int) Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        int plane = length / (tables == null ? 1 : tables.length);
        byte[] codes = tables == null ? null : new byte[Math.multiplyExact(n, length)];
        float[] values = tables == null ? new float[Math.multiplyExact(n, length)] : null;
        progress.update(task, 0, n);
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            float[] chunk = source.read(from, to).dup('c').reshape(-1).toFloatVector();
            int offset = from * length;
            if (codes != null && !encode(chunk, tables, length, plane, codes, offset)) {
                if (total > maxFloats) {
                    progress.update(task, n, n);
                    return source;
                }
                values = decodeAll(codes, tables, length, plane, offset, n);
                codes = null;
            }
            if (codes == null) {
                System.arraycopy(chunk, 0, values, offset, chunk.length);
            }
            progress.update(task, to, n);
        }
        return new Held(exampleShape, length, plane, tables, codes, values);
    }

    /** Pictures in memory: codes into per-channel tables, or floats. */
    record Held(long[] exampleShape, int length, int plane, float[][] tables, byte[] codes, float[] values)
            implements ImageBatches {

        @Override
        public INDArray read(int from, int to) {
            long[] shape = new long[exampleShape.length + 1];
            shape[0] = to - from;
            System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
            float[] out = codes == null ? Arrays.copyOfRange(values, from * length, to * length)
                    : decode(codes, tables, length, plane, from * length, (to - from) * length);
            return Nd4j.create(out, shape, 'c');
        }

        /** Bytes of memory the pictures take. */
        long bytes() {
            return codes != null ? codes.length : 4L * values.length;
        }
    }

    /** Per channel, the model-input values of the raw pixel values 0 to 255, as {@code FolderImages} computes them. */
    static float[][] pixelTables(int channels, java.util.function.BiFunction<Integer, Integer, Double> apply) {
        float[][] tables = new float[channels][256];
        for (int c = 0; c < channels; c++) {
            for (int raw = 0; raw < 256; raw++) {
                tables[c][raw] = (float) (double) apply.apply(c, raw);
            }
            if (!ascending(tables[c])) {
                return null;
            }
        }
        return tables;
    }

    /** Object masks: 0 or 1. */
    static float[][] maskTable() {
        return new float[][] {{0f, 1f}};
    }

    private static boolean ascending(float[] t) {
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Codes for {@code chunk} at {@code offset}; false (codes partly written) when a value is in no table. */
    private static boolean encode(float[] chunk, float[][] tables, int length, int plane, byte[] codes, int offset) {
        for (int j = 0; j < chunk.length; j++) {
            float[] table = tables[(j % length) / plane];
            int code = Arrays.binarySearch(table, chunk[j]);
            if (code < 0) {
                return false;
            }
            codes[offset + j] = (byte) code;
        }
        return true;
    }

    private static float[] decode(byte[] codes, float[][] tables, int length, int plane, int offset, int count) {
        float[] out = new float[count];
        for (int j = 0; j < count; j++) {
            out[j] = tables[((offset + j) % length) / plane][codes[offset + j] & 0xff];
        }
        return out;
    }

    /** The first {@code upTo} values as floats, in an array for all {@code n} pictures. */
    private static float[] decodeAll(byte[] codes, float[][] tables, int length, int plane, int upTo, int n) {
        float[] values = new float[Math.multiplyExact(n, length)];
        System.arraycopy(decode(codes, tables, length, plane, 0, upTo), 0, values, 0, upTo);
        return values;
    }
}
