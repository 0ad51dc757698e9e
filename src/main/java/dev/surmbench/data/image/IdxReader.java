package dev.surmbench.data.image;

import dev.surmbench.data.DataFormatException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST-style IDX files (MNIST, Fashion-MNIST): an images file (magic {@code 0x00000803},
 * count, rows, columns, then unsigned bytes) and a labels file (magic {@code 0x00000801}, count,
 * then one byte per label). Either may be gzip-compressed; compression is detected by the gzip
 * magic bytes {@code 1f 8b}, not by the file name.
 */
public final class IdxReader {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /** Reads images and labels into a dataset with the given class names. */
    public static ImageDataset read(String name, Path imagesFile, Path labelsFile, List<String> classNames) {
        try (DataInputStream images = open(imagesFile); DataInputStream labels = open(labelsFile)) {
            int count = header(images, imagesFile, IMAGES_MAGIC);
            int rows = images.readInt();
            int columns = images.readInt();
            int labelCount = header(labels, labelsFile, LABELS_MAGIC);
            if (labelCount != count) {
                throw new DataFormatException(labelsFile, 0, labelCount + " labels for " + count + " images in "
                        + imagesFile, "use the labels file of the same split");
            }
            List<LabeledImage> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] pixels = new byte[rows * columns];
                images.readFully(pixels);
                int label = labels.readUnsignedByte();
                if (label >= classNames.size()) {
                    throw new DataFormatException(labelsFile, i + 1, "label " + label + " is not below "
                            + classNames.size() + " (item " + (i + 1) + ")", "is this the right dataset?");
                }
                result.add(new LabeledImage(new RawImage(1, rows, columns, pixels), label));
            }
            return new ImageDataset(name, classNames, result);
        } catch (EOFException e) {
            throw new DataFormatException(imagesFile, 0, "the IDX file ends before its announced item count",
                    "the download is truncated; fetch it again");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX files " + imagesFile + ", " + labelsFile, e);
        }
    }

    /** The item count in an IDX file's header (images or labels). */
    public static int count(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            in.readInt();
            return in.readInt();
        }
    }

    /** Opens {@code file}, decompressing when it starts with the gzip magic. */
    static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static int header(DataInputStream in, Path file, int magic) throws IOException {
        int found = in.readInt();
        if (found != magic) {
            throw new DataFormatException(file, 0, String.format("IDX magic 0x%08x, expected 0x%08x", found, magic),
                    "images files start with 0x00000803, labels files with 0x00000801");
        }
        return in.readInt();
    }
}
