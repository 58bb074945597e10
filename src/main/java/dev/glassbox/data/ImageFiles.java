package dev.glassbox.data;

import dev.glassbox.GlassboxException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Reads image files (PNG, JPEG, BMP) into {@link Pixels}, from the raster and its colour model, never through
 * {@code BufferedImage.getRGB}, which runs gray files through a colour conversion (a stored 128 reads as 188). Each
 * kind gives the values the file stores, as Pillow reads them: 8- and 16-bit gray (16-bit keeps its high byte, as
 * Pillow does for 16-bit colour), gray with alpha, palettes, RGB(A), and CMYK JPEGs (Adobe's inverted CMYK, converted
 * to RGB by Pillow's formula). Alpha is dropped, as {@code convert("RGB")} drops it. The size is read from the
 * header first, so an image of the wrong size, or one too large to read, is refused before it is decoded.
 */
public final class ImageFiles {

    /** The most pixels Glassbox decodes from one file when no size is expected: 64 megapixels (8192 x 8192). */
    public static final long MAX_PIXELS = 8192L * 8192L;

    /** Width and height from a file's header. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private ImageFiles() {}

    /**
     * Reads a picture that must be {@code width} x {@code height}; any other size is refused from its header.
     *
     * @param expected how the message says where the size comes from, e.g. "the model takes"
     */
    public static Pixels read(Path file, int width, int height, String expected) {
        return decode(file, size -> {
            if (size.width() != width || size.height() != height) {
                throw GlassboxException.badInput(file, "is " + size + " pixels; " + expected + " " + width + "x"
                        + height);
            }
        });
    }

    /** Reads a picture of any size up to {@link #MAX_PIXELS}. */
    public static Pixels read(Path file) {
        return decode(file, size -> requireReadableSize(file, size));
    }

    /** A picture's size from its header alone, up to {@link #MAX_PIXELS}. */
    public static Size size(Path file) {
        Size[] found = new Size[1];
        withReader(file, reader -> {
            found[0] = new Size(reader.getWidth(0), reader.getHeight(0));
            return null;
        });
        requireReadableSize(file, found[0]);
        return found[0];
    }

    private static void requireReadableSize(Path file, Size size) {
        if ((long) size.width() * size.height() > MAX_PIXELS) {
            throw GlassboxException.badInput(file, "is " + size + " pixels, more than the " + (MAX_PIXELS >> 20)
                    + " megapixels Glassbox reads; scale it down to the model's input size first");
        }
    }

    private interface SizeCheck {
        void check(Size size);
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static Pixels decode(Path file, SizeCheck check) {
        return withReader(file, reader -> {
            check.check(new Size(reader.getWidth(0), reader.getHeight(0)));
            boolean jpeg = reader.getFormatName().equalsIgnoreCase("jpeg");
            BufferedImage image;
            try {
                image = reader.read(0);
            } catch (IIOException e) {
                // some JDKs give no picture for a 4-channel (CMYK) JPEG, but all read its raster
                if (jpeg && reader.canReadRaster()) {
                    return cmykJpeg(file, reader.readRaster(0, null), reader);
                }
                throw e;
            }
            if (jpeg && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
                // JDKs differ in what they make of CMYK (an ICC conversion, an inversion); the raw raster does not
                return cmykJpeg(file, reader.readRaster(0, null), reader);
            }
            return pixels(image);
        });
    }

    private static <T> T withReader(Path file, ReaderWork<T> work) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw GlassboxException.badInput(file, "no such file");
        }
        if (!Files.exists(file)) {
            throw GlassboxException.badInput(file, "is a link to " + linkTarget(file) + ", which does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw GlassboxException.badInput(file, "is not a file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw GlassboxException.badInput(file, "cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw GlassboxException.badInput(file, "is not a readable image (not PNG, JPEG or BMP data)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                return work.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (GlassboxException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw GlassboxException.badInput(file, "is not a readable image (" + oneLine(e) + ")", e);
        }
    }

    /** The values of a decoded picture, by its colour model. */
    public static Pixels pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (cm instanceof IndexColorModel icm) {
            return palette(icm, raster, w, h);
        }
        if (cm instanceof ComponentColorModel ccm) {
            int type = ccm.getColorSpace().getType();
            int n = ccm.getNumColorComponents();
            if (type == ColorSpace.TYPE_GRAY && n == 1 || type == ColorSpace.TYPE_RGB && n == 3) {
                return samples(raster, ccm, n, w, h);
            }
        }
        // packed RGB (BMP), and colour spaces with no stored RGB: the colour model's own sRGB values
        byte[] v = new byte[3 * w * h];
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = cm.getRGB(raster.getDataElements(x, y, null));
                int p = y * w + x;
                v[p] = (byte) (argb >> 16);
                v[plane + p] = (byte) (argb >> 8);
                v[2 * plane + p] = (byte) argb;
            }
        }
        return new Pixels(w, h, 3, v);
    }

    /** Stored samples of the colour bands (alpha left out), scaled to 8 bits. */
    private static Pixels samples(Raster raster, ColorModel cm, int bands, int w, int h) {
        byte[] v = new byte[bands * w * h];
        int plane = w * h;
        for (int b = 0; b < bands; b++) {
            int bits = cm.getComponentSize(b);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[b * plane + y * w + x] = (byte) to8Bits(raster.getSample(x, y, b), bits);
                }
            }
        }
        return new Pixels(w, h, bands, v);
    }

    /** 16 bits keep their high byte (Pillow's RGB;16B); fewer than 8 stretch to 0-255 (Pillow's L;2, L;4). */
    static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        int max = (1 << bits) - 1;
        return (sample * 255 + max / 2) / max;
    }

    /** A palette's colours; one gray plane when every entry is gray. */
    private static Pixels palette(IndexColorModel icm, Raster raster, int w, int h) {
        boolean gray = true;
        for (int i = 0; i < icm.getMapSize() && gray; i++) {
            gray = icm.getRed(i) == icm.getGreen(i) && icm.getGreen(i) == icm.getBlue(i);
        }
        int plane = w * h;
        byte[] v = new byte[(gray ? 1 : 3) * plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = raster.getSample(x, y, 0);
                int p = y * w + x;
                v[p] = (byte) icm.getRed(i);
                if (!gray) {
                    v[plane + p] = (byte) icm.getGreen(i);
                    v[2 * plane + p] = (byte) icm.getBlue(i);
                }
            }
        }
        return new Pixels(w, h, gray ? 1 : 3, v);
    }

    /**
     * A 4-channel JPEG as Pillow reads it: CMYK, inverted when an Adobe marker says Adobe wrote it (Adobe stores
     * 255 - value), then to RGB as Pillow's {@code cmyk2rgb} does: R = (255 - K) - C (255 - K) / 255, rounded.
     */
    private static Pixels cmykJpeg(Path file, Raster raster, ImageReader reader) throws IOException {
        if (raster.getNumBands() != 4) {
            throw GlassboxException.badInput(file, "is a JPEG with " + raster.getNumBands() + " channels the JDK"
                    + " cannot convert; save it as an RGB or gray JPEG");
        }
        int transform = adobeTransform(reader.getImageMetadata(0));
        if (transform == 2) {
            throw GlassboxException.badInput(file, "is a YCCK JPEG (Adobe CMYK in YCC), which Glassbox does not read;"
                    + " save it as an RGB JPEG or a PNG");
        }
        boolean inverted = transform >= 0;
        int w = raster.getWidth();
        int h = raster.getHeight();
        int plane = w * h;
        byte[] v = new byte[3 * plane];
        int[] cmyk = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, cmyk);
                int nk = 255 - (inverted ? 255 - cmyk[3] : cmyk[3]);
                int p = y * w + x;
                for (int c = 0; c < 3; c++) {
                    int ink = inverted ? 255 - cmyk[c] : cmyk[c];
                    v[c * plane + p] = (byte) Math.max(0, Math.min(255, nk - mulDiv255(ink, nk)));
                }
            }
        }
        return new Pixels(w, h, 3, v);
    }

    /** Pillow's {@code MULDIV255}: a * b / 255, rounded, in integers. */
    private static int mulDiv255(int a, int b) {
        int t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }

    /** The transform of the JPEG's Adobe APP14 marker (0 none, 1 YCbCr, 2 YCCK), or -1 when it has none. */
    private static int adobeTransform(IIOMetadata metadata) {
        if (metadata == null) {
            return -1;
        }
        Node root = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        Node adobe = find(root, "app14Adobe");
        if (adobe == null) {
            return -1;
        }
        Node t = adobe.getAttributes().getNamedItem("transform");
        return t == null ? 0 : Integer.parseInt(t.getNodeValue());
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').trim();
    }
}
