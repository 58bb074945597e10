package dev.glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.glassbox.Progress;
import dev.glassbox.model.Preprocessing;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HeldImagesTest {

    private static final Progress QUIET = (task, done, total) -> { };

    /** n pictures of 3 x 4 x 5 whose values are the preprocessed 8-bit pixels, as FolderImages makes them. */
    private static float[] pictures(int n, Preprocessing p, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * 60];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) p.apply((i % 60) / 20, r.nextInt(256));
        }
        return v;
    }

    private static ImageBatches source(float[] all, long[] exampleShape, int length) {
        return (from, to) -> {
            long[] shape = new long[exampleShape.length + 1];
            shape[0] = to - from;
            System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
            return Nd4j.create(java.util.Arrays.copyOfRange(all, from * length, to * length), shape, 'c');
        };
    }

    @Test
    void preprocessedPicturesAreHeldAsOneBytePerValueAndReadBackExactly() {
        Preprocessing p = new Preprocessing(1 / 255.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225));
        float[] all = pictures(250, p, 1);
        ImageBatches held = HeldImages.hold(source(all, new long[] {3, 4, 5}, 60), 250, new long[] {3, 4, 5},
                HeldImages.pixelTables(3, p::apply), 1 << 20, "test", QUIET);
        HeldImages.Held h = assertInstanceOf(HeldImages.Held.class, held);
        assertEquals(250 * 60, h.bytes(), "one byte per value");
        INDArray batch = held.read(120, 203);
        assertArrayEquals(new long[] {83, 3, 4, 5}, batch.shape());
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 120 * 60, 203 * 60), batch.reshape(-1).toFloatVector());
    }

    @Test
    void valuesOutsideTheTablesAreHeldAsFloats() {
        Preprocessing p = new Preprocessing(1 / 255.0, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0));
        float[] all = pictures(150, p, 2);
        all[140 * 60 + 7] = 0.123456f; // not an 8-bit pixel, in the second chunk read
        ImageBatches held = HeldImages.hold(source(all, new long[] {3, 4, 5}, 60), 150, new long[] {3, 4, 5},
                HeldImages.pixelTables(3, p::apply), 1 << 20, "test", QUIET);
        assertEquals(4L * 150 * 60, assertInstanceOf(HeldImages.Held.class, held).bytes());
        assertArrayEquals(all, held.read(0, 150).reshape(-1).toFloatVector());
    }

    @Test
    void tooManyValuesAreLeftOnDisk() {
        ImageBatches disk = source(new float[10 * 60], new long[] {3, 4, 5}, 60);
        assertSame(disk, HeldImages.hold(disk, 10, new long[] {3, 4, 5}, null, 599, "test", QUIET));
    }

    @Test
    void masksAreHeldAsBytes() {
        float[] masks = new float[30 * 20];
        for (int i = 0; i < masks.length; i += 3) {
            masks[i] = 1;
        }
        ImageBatches held = HeldImages.hold(source(masks, new long[] {4, 5}, 20), 30, new long[] {4, 5},
                HeldImages.maskTable(), 1 << 20, "test", QUIET);
        assertEquals(600, assertInstanceOf(HeldImages.Held.class, held).bytes());
        assertArrayEquals(masks, held.read(0, 30).reshape(-1).toFloatVector());
    }
}
