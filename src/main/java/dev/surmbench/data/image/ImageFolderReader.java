package dev.surmbench.data.image;

import dev.surmbench.data.DataFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads an image-folder dataset: one sub-folder per class (class ids follow the sorted folder
 * names), each holding PNG/JPEG/BMP/GIF files read with {@code javax.imageio}, in sorted order.
 * Images are converted to 3-channel RGB. DTD, SUN397 and STL10 arrive this way after conversion.
 */
public final class ImageFolderReader {

    private ImageFolderReader() {}

    /** Reads every class folder under {@code root}. */
    public static ImageDataset read(String name, Path root) {
        List<String> classes = classFolders(root);
        List<LabeledImage> images = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            for (Path file : imageFiles(root.resolve(classes.get(label)))) {
                images.add(new LabeledImage(decode(file), label));
            }
        }
        return new ImageDataset(name, classes, images);
    }

    /** Number of image files under {@code root}'s class folders, without decoding them. */
    public static int count(Path root) {
        return classFolders(root).stream().mapToInt(c -> imageFiles(root.resolve(c)).size()).sum();
    }

    /** Decodes one image file to RGB bytes. */
    public static RawImage decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "cannot decode image: " + e.getMessage(), "remove or replace it");
        }
        if (image == null) {
            throw new DataFormatException(file, 0, "not an image format javax.imageio can read",
                    "convert it to PNG or JPEG");
        }
        int height = image.getHeight();
        int width = image.getWidth();
        byte[] pixels = new byte[3 * height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                pixels[y * width + x] = (byte) (rgb >> 16);
                pixels[(height + y) * width + x] = (byte) (rgb >> 8);
                pixels[(2 * height + y) * width + x] = (byte) rgb;
            }
        }
        return new RawImage(3, height, width, pixels);
    }

    private static List<String> classFolders(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<String> classes = children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            if (classes.isEmpty()) {
                throw new IllegalArgumentException(root + " has no class folders; expected <root>/<class>/<image>");
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static List<Path> imageFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ImageFolderReader::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp")
                || name.endsWith(".gif");
    }
}
