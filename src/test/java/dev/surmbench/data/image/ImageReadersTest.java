package dev.surmbench.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.DataFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageReadersTest {

    @TempDir
    Path dir;

    @Test
    void cifar10Batches() throws IOException {
        ImageFixtures.writeCifar10(dir);
        ImageDataset train = CifarReader.readCifar10(dir, ImageSplit.TRAIN);
        assertEquals(10, train.size());
        // batch b holds labels b, b+1 in that order
        assertEquals(List.of(1, 2, 2, 3, 3, 4, 4, 5, 5, 6), train.images().stream().map(LabeledImage::label).toList());
        RawImage third = train.images().get(2).image();
        assertEquals(ImageFixtures.pixel(2, 0), third.pixels()[0]);
        // red plane first: pixel (green, y=0, x=0) is byte 1024 of the record
        assertEquals(ImageFixtures.pixel(2, 1024) & 0xFF, third.pixel(1, 0, 0));
        assertEquals("airplane", train.classNames().get(0));
        ImageDataset test = CifarReader.readCifar10(dir, ImageSplit.TEST);
        assertEquals(1, test.size());
        assertEquals(9, test.images().get(0).label());
    }

    @Test
    void cifar100FineAndCoarse() throws IOException {
        Files.write(dir.resolve("train.bin"), ImageFixtures.cifarRecords(0, new int[][] {{3, 77}, {19, 99}}));
        assertEquals(List.of(77, 99), CifarReader.readCifar100(dir, ImageSplit.TRAIN, true).images().stream()
                .map(LabeledImage::label).toList());
        ImageDataset coarse = CifarReader.readCifar100(dir, ImageSplit.TRAIN, false);
        assertEquals(List.of(3, 19), coarse.images().stream().map(LabeledImage::label).toList());
        assertEquals(20, coarse.numClasses());
    }

    @Test
    void truncatedCifarIsAnError() throws IOException {
        ImageFixtures.writeCifar10(dir);
        byte[] whole = Files.readAllBytes(dir.resolve("test_batch.bin"));
        Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(whole, whole.length - 1));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarReader.readCifar10(dir, ImageSplit.TEST));
        assertTrue(e.getMessage().contains("3072 bytes is not a whole number of 3073-byte records"), e.getMessage());
    }

    @Test
    void idxPlainAndGzipReadAlike() throws IOException {
        Files.write(dir.resolve("images"), ImageFixtures.idxImages(3, 4, 5));
        Files.write(dir.resolve("labels"), ImageFixtures.idxLabels(7, 0, 9));
        Files.write(dir.resolve("images.gz"), ImageFixtures.gzip(ImageFixtures.idxImages(3, 4, 5)));
        Files.write(dir.resolve("labels.gz"), ImageFixtures.gzip(ImageFixtures.idxLabels(7, 0, 9)));
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        ImageDataset plain = IdxReader.read("t", dir.resolve("images"), dir.resolve("labels"), classes);
        ImageDataset gzip = IdxReader.read("t", dir.resolve("images.gz"), dir.resolve("labels.gz"), classes);
        assertEquals(List.of(7, 0, 9), plain.images().stream().map(LabeledImage::label).toList());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(plain.images().get(i).image().pixels(), gzip.images().get(i).image().pixels());
        }
        RawImage second = plain.images().get(1).image();
        assertEquals(1, second.channels());
        assertEquals(4, second.height());
        assertEquals(5, second.width());
        assertEquals(ImageFixtures.pixel(1, 5 + 2) & 0xFF, second.pixel(0, 1, 2));
        assertEquals(3, IdxReader.count(dir.resolve("images.gz")));
    }

    @Test
    void idxErrors() throws IOException {
        Files.write(dir.resolve("images"), ImageFixtures.idxImages(2, 2, 2));
        Files.write(dir.resolve("labels"), ImageFixtures.idxLabels(1, 2, 3));
        List<String> classes = List.of("a", "b", "c", "d");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.read("t", dir.resolve("images"), dir.resolve("labels"), classes));
        assertTrue(e.getMessage().contains("3 labels for 2 images"), e.getMessage());
        e = assertThrows(DataFormatException.class,
                () -> IdxReader.read("t", dir.resolve("labels"), dir.resolve("images"), classes));
        assertTrue(e.getMessage().contains("IDX magic 0x00000801, expected 0x00000803"), e.getMessage());
        byte[] images = ImageFixtures.idxImages(2, 2, 2);
        Files.write(dir.resolve("short"), Arrays.copyOf(images, images.length - 1));
        Files.write(dir.resolve("labels2"), ImageFixtures.idxLabels(1, 2));
        e = assertThrows(DataFormatException.class,
                () -> IdxReader.read("t", dir.resolve("short"), dir.resolve("labels2"), classes));
        assertTrue(e.getMessage().contains("ends before its announced item count"), e.getMessage());
    }

    @Test
    void npmMnistJson() throws IOException {
        Path digits = Files.createDirectories(dir.resolve("src/digits"));
        for (int d = 0; d < 10; d++) {
            // digit d: (d % 2) + 1 images; pixel i of image n is byte (d + n + i) % 256, written as
            // the package does: byte / 255 rounded to three decimals
            StringJoiner values = new StringJoiner(",", "{ \"data\": [", "]}");
            for (int n = 0; n < d % 2 + 1; n++) {
                for (int i = 0; i < 784; i++) {
                    values.add(String.valueOf(Math.round((d + n + i) % 256 / 255.0 * 1000) / 1000.0));
                }
            }
            Files.writeString(digits.resolve(d + ".json"), values.toString());
        }
        ImageDataset dataset = NpmMnistReader.read(dir);
        assertEquals(15, dataset.size()); // five even digits with 1 image, five odd with 2
        assertEquals(List.of(0, 1, 1, 2, 3, 3), dataset.images().stream().limit(6).map(LabeledImage::label).toList());
        RawImage oneSecond = dataset.images().get(2).image(); // digit 1, n = 1
        for (int i = 0; i < 784; i++) {
            assertEquals((1 + 1 + i) % 256, oneSecond.pixels()[i] & 0xFF, "bytes restored exactly at " + i);
        }
        Files.writeString(digits.resolve("4.json"), "{ \"data\": [0.5, 0.25]}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpmMnistReader.read(dir));
        assertTrue(e.getMessage().contains("not a multiple of 784"), e.getMessage());
    }

    @Test
    void imageFolders() throws IOException {
        Path root = dir.resolve("train");
        writePng(root.resolve("zebra/a.png"), 0xFF0000, 3, 2);
        writePng(root.resolve("apple/b.png"), 0x00FF80, 2, 2);
        writePng(root.resolve("apple/a.png"), 0x0000FF, 2, 2);
        Files.writeString(root.resolve("apple/notes.txt"), "not an image");
        ImageDataset dataset = ImageFolderReader.read("dtd", root);
        assertEquals(List.of("apple", "zebra"), dataset.classNames());
        assertEquals(List.of(0, 0, 1), dataset.images().stream().map(LabeledImage::label).toList());
        RawImage blue = dataset.images().get(0).image(); // apple/a.png, sorted by name
        assertEquals(List.of(0, 0, 255), List.of(blue.pixel(0, 1, 1), blue.pixel(1, 1, 1), blue.pixel(2, 1, 1)));
        RawImage red = dataset.images().get(2).image();
        assertEquals(2, red.height());
        assertEquals(3, red.width());
        assertEquals(255, red.pixel(0, 1, 2));
        assertEquals(3, ImageFolderReader.count(root));
        Files.writeString(root.resolve("zebra/broken.png"), "not a png");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ImageFolderReader.read("dtd", root));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    static void writePng(Path file, int rgb, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
