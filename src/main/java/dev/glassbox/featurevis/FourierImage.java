package dev.glassbox.featurevis;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Lucid's image parameterization: each picture is a spectrum in Fourier space, scaled by 1/frequency so that
 * gradient steps change coarse structure as easily as fine detail, turned into pixels by an inverse real 2-D DFT,
 * mixed into colour through Lucid's decorrelated colour basis (three channels only), and squashed into (0, 1) by a
 * sigmoid. Optimizing the spectrum rather than the pixels gives pictures without the high-frequency noise a plain
 * pixel optimization produces (Olah et al., "Feature Visualization", 2017).
 *
 * <p>Parameters are {@code [batch, channels, 2, height, height/2... ]}: the real and imaginary parts of the
 * {@code height × (width/2 + 1)} half spectrum of each channel. The inverse DFT is written as products with DFT
 * matrices (two matrix multiplications per direction, in ND4J), not an FFT: at the input sizes of image classifiers
 * it is as fast, it batches, and its gradient is the transposed products, with no new dependency.
 */
public final class FourierImage {

    /** Lucid's square root of the colour correlation of ImageNet pixels (its {@code color_correlation_svd_sqrt}). */
    private static final double[][] COLOUR_SQRT = {{0.26, 0.09, 0.02}, {0.27, 0.00, -0.05}, {0.27, -0.09, 0.03}};
    /** Lucid's "magic" divisor of the spatial image: a smaller start and less saturation. */
    private static final double MAGIC = 4.0;

    private final int channels;
    private final int height;
    private final int width;
    private final int halfWidth;
    /** Inverse DFT along height, real and imaginary parts {@code [height, height]} (row y, column ky). */
    private final INDArray rowsRe;
    private final INDArray rowsIm;
    /** Inverse real DFT along width, with the Hermitian weights, {@code [halfWidth, width]}. */
    private final INDArray colsRe;
    private final INDArray colsIm;
    /** 1/frequency scaling, divided by the magic constant, {@code [height, halfWidth]}. */
    private final INDArray scale;
    /** The colour basis {@code [channels, channels]} (identity unless three channels) and its inverse. */
    private final INDArray colour;
    private final INDArray colourInverse;

    public FourierImage(int channels, int height, int width) {
        if (channels < 1 || height < 2 || width < 2) {
            throw new IllegalArgumentException("a picture of " + channels + "x" + height + "x" + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.halfWidth = width / 2 + 1;
        double[][] re = new double[height][height];
        double[][] im = new double[height][height];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < height; k++) {
                double angle = 2 * Math.PI * ((long) k * y % height) / height;
                re[y][k] = Math.cos(angle) / Math.sqrt(height);
                im[y][k] = Math.sin(angle) / Math.sqrt(height);
            }
        }
        this.rowsRe = Nd4j.create(re).castTo(DataType.FLOAT);
        this.rowsIm = Nd4j.create(im).castTo(DataType.FLOAT);
        double[][] cre = new double[halfWidth][width];
        double[][] cim = new double[halfWidth][width];
        for (int k = 0; k < halfWidth; k++) {
            // Columns 1 .. width/2 - 1 stand for themselves and their mirror images; 0 and width/2 for themselves.
            double weight = k == 0 || (width % 2 == 0 && k == width / 2) ? 1 : 2;
            for (int x = 0; x < width; x++) {
                double angle = 2 * Math.PI * ((long) k * x % width) / width;
                cre[k][x] = weight * Math.cos(angle) / Math.sqrt(width);
                cim[k][x] = weight * Math.sin(angle) / Math.sqrt(width);
            }
        }
        this.colsRe = Nd4j.create(cre).castTo(DataType.FLOAT);
        this.colsIm = Nd4j.create(cim).castTo(DataType.FLOAT);
        double[][] s = new double[height][halfWidth];
        double floor = 1.0 / Math.max(height, width);
        for (int y = 0; y < height; y++) {
            double fy = frequency(y, height);
            for (int x = 0; x < halfWidth; x++) {
                double fx = (double) x / width;
                s[y][x] = 1.0 / Math.max(Math.sqrt(fx * fx + fy * fy), floor) / MAGIC;
            }
        }
        this.scale = Nd4j.create(s).castTo(DataType.FLOAT);
        double[][] c = new double[channels][channels];
        if (channels == 3) {
            double maxNorm = 0;
            for (int j = 0; j < 3; j++) {
                maxNorm = Math.max(maxNorm, Math.sqrt(COLOUR_SQRT[0][j] * COLOUR_SQRT[0][j]
                        + COLOUR_SQRT[1][j] * COLOUR_SQRT[1][j] + COLOUR_SQRT[2][j] * COLOUR_SQRT[2][j]));
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    c[i][j] = COLOUR_SQRT[i][j] / maxNorm;
                }
            }
        } else {
            for (int i = 0; i < channels; i++) {
                c[i][i] = 1;
            }
        }
        INDArray basis = Nd4j.create(c);
        this.colour = basis.castTo(DataType.FLOAT);
        this.colourInverse = org.nd4j.linalg.inverse.InvertMatrix.invert(basis, false).castTo(DataType.FLOAT);
    }

    /** numpy's {@code fftfreq}: the signed frequency of DFT index {@code k} of {@code n}. */
    private static double frequency(int k, int n) {
        return (k <= (n - 1) / 2 ? k : k - n) / (double) n;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The shape of the parameters of {@code batch} pictures. */
    public long[] parameterShape(int batch) {
        return new long[] {batch, channels, 2, height, halfWidth};
    }

    /** Lucid's start: normal draws with standard deviation 0.01, seeded. */
    public INDArray random(int batch, long seed) {
        java.util.Random random = new java.util.Random(seed);
        long[] shape = parameterShape(batch);
        float[] values = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3] * shape[4])];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.01 * random.nextGaussian());
        }
        return Nd4j.create(values, shape, 'c');
    }

    /** The pictures {@code [batch, channels, height, width]} in (0, 1) for the parameters. */
    public INDArray render(INDArray parameters) {
        return Transforms.sigmoid(colourMix(colour, spatial(parameters)), false);
    }

    /**
     * d(objective)/d(parameters) from d(objective)/d(pictures), where {@code pictures} are {@code render(parameters)}.
     */
    public INDArray backward(INDArray pictures, INDArray gradient) {
        // sigmoid' = s (1 - s); the colour mix is linear, its adjoint the transposed basis
        INDArray dPre = gradient.mul(pictures).muli(pictures.rsub(1));
        INDArray dSpatial = colourMix(colour.transpose(), dPre);
        int batch = (int) dSpatial.size(0);
        INDArray g = dSpatial.reshape('c', (long) batch * channels, height, width);
        // X = rowsRe·(Sr·colsRe) - rowsIm·(Si·colsRe) - rowsRe·(Si·colsIm) - rowsIm·(Sr·colsIm), transposed
        INDArray p = Matrices.right(g, colsRe.transpose());
        INDArray q = Matrices.right(g, colsIm.transpose());
        INDArray dRe = Matrices.left(rowsRe.transpose(), p).subi(Matrices.left(rowsIm.transpose(), q));
        INDArray dIm = Matrices.left(rowsIm.transpose(), p).addi(Matrices.left(rowsRe.transpose(), q)).negi();
        return stack(dRe.muli(scale), dIm.muli(scale), batch);
    }

    /**
     * Parameters that render exactly the given pictures (each value strictly inside (0, 1)): the inverse of
     * {@link #render}, used to start from a real image and to check the parameterization.
     */
    public INDArray fromPictures(INDArray pictures) {
        INDArray logits = Transforms.log(pictures.div(pictures.rsub(1)), false);
        INDArray spatial = colourMix(colourInverse, logits);
        int batch = (int) spatial.size(0);
        INDArray x = spatial.reshape('c', (long) batch * channels, height, width);
        // the orthonormal forward real DFT: S = conj(rows)ᵀ · X · conj(cols without weights)ᵀ
        INDArray colsForwardRe = Nd4j.create(DataType.FLOAT, width, halfWidth);
        INDArray colsForwardIm = Nd4j.create(DataType.FLOAT, width, halfWidth);
        for (int k = 0; k < halfWidth; k++) {
            double weight = k == 0 || (width % 2 == 0 && k == width / 2) ? 1 : 2;
            colsForwardRe.putColumn(k, colsRe.getRow(k).div(weight));
            colsForwardIm.putColumn(k, colsIm.getRow(k).div(-weight));
        }
        INDArray aRe = Matrices.right(x, colsForwardRe);
        INDArray aIm = Matrices.right(x, colsForwardIm);
        // multiply along height by conj(rows)ᵀ = rowsReᵀ - i rowsImᵀ
        INDArray re = Matrices.left(rowsRe.transpose(), aRe).addi(Matrices.left(rowsIm.transpose(), aIm));
        INDArray im = Matrices.left(rowsRe.transpose(), aIm).subi(Matrices.left(rowsIm.transpose(), aRe));
        return stack(re.divi(scale), im.divi(scale), batch);
    }

    /** The spatial image before colour and sigmoid, {@code [batch, channels, height, width]}. */
    INDArray spatial(INDArray parameters) {
        int batch = (int) parameters.size(0);
        INDArray re = parameters.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0))
                .mul(scale).reshape('c', (long) batch * channels, height, halfWidth);
        INDArray im = parameters.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1))
                .mul(scale).reshape('c', (long) batch * channels, height, halfWidth);
        INDArray tRe = Matrices.left(rowsRe, re).subi(Matrices.left(rowsIm, im));
        INDArray tIm = Matrices.left(rowsRe, im).addi(Matrices.left(rowsIm, re));
        INDArray x = Matrices.right(tRe, colsRe).subi(Matrices.right(tIm, colsIm));
        return x.reshape('c', batch, channels, height, width);
    }

    private INDArray stack(INDArray re, INDArray im, int batch) {
        INDArray out = Nd4j.create(DataType.FLOAT, parameterShape(batch));
        out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0))
                .assign(re.reshape('c', batch, channels, height, halfWidth));
        out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1))
                .assign(im.reshape('c', batch, channels, height, halfWidth));
        return out;
    }

    /** {@code out[b, i] = Σ_j basis[i, j] · x[b, j]} over the channels of each picture. */
    private INDArray colourMix(INDArray basis, INDArray x) {
        if (channels == 1) {
            return x.dup();
        }
        int batch = (int) x.size(0);
        INDArray flat = x.reshape('c', batch, channels, (long) height * width);
        return Matrices.left(basis, flat).reshape('c', batch, channels, height, width);
    }
}
