package dev.surmbench.data.image;

import dev.surmbench.data.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the binary versions of CIFAR-10 ({@code cifar-10-batches-bin/data_batch_1..5.bin}, {@code
 * test_batch.bin}: records of 1 label byte + 3072 pixel bytes) and CIFAR-100 ({@code
 * cifar-100-binary/train.bin}, {@code test.bin}: coarse label byte, fine label byte, 3072 pixel
 * bytes). Pixels are stored as 1024 red, 1024 green, 1024 blue bytes of a 32×32 image — already CHW.
 * Class names come from {@code batches.meta.txt} / {@code fine_label_names.txt} / {@code
 * coarse_label_names.txt} in the same folder when present.
 */
public final class CifarReader {

    /** Pixel bytes per image. */
    public static final int PIXELS = 3 * 32 * 32;

    static final List<String> CIFAR10_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private CifarReader() {}

    /** The batch files of a CIFAR-10 split. */
    public static List<String> cifar10Files(ImageSplit split) {
        return split == ImageSplit.TRAIN
                ? List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                        "data_batch_5.bin")
                : List.of("test_batch.bin");
    }

    /** The file of a CIFAR-100 split. */
    public static String cifar100File(ImageSplit split) {
        return split == ImageSplit.TRAIN ? "train.bin" : "test.bin";
    }

    /** Reads a CIFAR-10 split from {@code dir} ({@code cifar-10-batches-bin}). */
    public static ImageDataset readCifar10(Path dir, ImageSplit split) {
        List<LabeledImage> images = new ArrayList<>();
        for (String file : cifar10Files(split)) {
            images.addAll(readRecords(dir.resolve(file), 1, 0, 10));
        }
        return new ImageDataset("cifar10", classNames(dir.resolve("batches.meta.txt"), CIFAR10_CLASSES, 10), images);
    }

    /** Reads a CIFAR-100 split from {@code dir} ({@code cifar-100-binary}), with fine (100) or coarse (20) labels. */
    public static ImageDataset readCifar100(Path dir, ImageSplit split, boolean fineLabels) {
        int classes = fineLabels ? 100 : 20;
        List<LabeledImage> images = readRecords(dir.resolve(cifar100File(split)), 2, fineLabels ? 1 : 0, classes);
        String namesFile = fineLabels ? "fine_label_names.txt" : "coarse_label_names.txt";
        List<String> names = classNames(dir.resolve(namesFile), numbered(classes), classes);
        return new ImageDataset(fineLabels ? "cifar100" : "cifar100-coarse", names, images);
    }

    /** Number of records in a CIFAR file, from its size. */
    public static int countRecords(Path file, int labelBytes) throws IOException {
        return (int) (Files.size(file) / (labelBytes + PIXELS));
    }

    private static List<LabeledImage> readRecords(Path file, int labelBytes, int labelIndex, int classes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CIFAR file " + file, e);
        }
        int recordSize = labelBytes + PIXELS;
        if (bytes.length % recordSize != 0) {
            throw new DataFormatException(file, 0, bytes.length + " bytes is not a whole number of "
                    + recordSize + "-byte records", "the file is truncated or not a CIFAR binary batch");
        }
        List<LabeledImage> images = new ArrayList<>(bytes.length / recordSize);
        for (int offset = 0, record = 1; offset < bytes.length; offset += recordSize, record++) {
            int label = bytes[offset + labelIndex] & 0xFF;
            if (label >= classes) {
                throw new DataFormatException(file, record, "label " + label + " is not below " + classes
                        + " (record " + record + ")", "is this the right CIFAR variant?");
            }
            byte[] pixels = Arrays.copyOfRange(bytes, offset + labelBytes, offset + recordSize);
            images.add(new LabeledImage(new RawImage(3, 32, 32, pixels), label));
        }
        return images;
    }

    private static List<String> classNames(Path file, List<String> fallback, int classes) {
        if (!Files.isRegularFile(file)) {
            return fallback;
        }
        try {
            List<String> names = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
            if (names.size() != classes) {
                throw new DataFormatException(file, 0, names.size() + " class names, expected " + classes,
                        "restore the file from the official archive");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> numbered(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            names.add("class_" + i);
        }
        return names;
    }
}
