package dev.glassbox.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * PNG encoding. The JDK's encoder writes no time stamp or other varying chunk, so the same pixels always give the
 * same bytes: reports can be diffed and their zips are reproducible. Pictures written beside a user's own files
 * ({@code explain --out}) carry a {@code Software: Glassbox} text chunk, so a later run knows which it may replace.
 */
public final class PngFiles {

    private static final String FORMAT = "javax_imageio_png_1.0";
    private static final String KEYWORD = "Software";
    private static final String SOFTWARE = "Glassbox";

    private PngFiles() {}

    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        Files.write(file, encode(image));
    }

    /** Writes a PNG that says Glassbox made it (see {@link #isGlassboxPicture(Path)}). */
    public static void writeSigned(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", KEYWORD);
            entry.setAttribute("value", SOFTWARE);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            root.appendChild(text);
            metadata.mergeTree(FORMAT, root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** Whether {@code file} is a PNG written by {@link #writeSigned}. */
    public static boolean isGlassboxPicture(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(FORMAT)) {
                    return false;
                }
                for (Node n = metadata.getAsTree(FORMAT).getFirstChild(); n != null; n = n.getNextSibling()) {
                    for (Node e = n.getNodeName().equals("tEXt") ? n.getFirstChild() : null; e != null;
                         e = e.getNextSibling()) {
                        var a = e.getAttributes();
                        if (KEYWORD.equals(a.getNamedItem("keyword").getNodeValue())
                                && SOFTWARE.equals(a.getNamedItem("value").getNodeValue())) {
                            return true;
                        }
                    }
                }
                return false;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
