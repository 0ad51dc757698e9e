package dev.surmbench.data.image;

import dev.surmbench.data.download.Archives;
import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.data.download.Downloader;
import dev.surmbench.data.download.Installer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the binary CIFAR archives ({@code cifar-10-binary.tar.gz}, {@code
 * cifar-100-binary.tar.gz} from {@value #DEFAULT_BASE}) into {@code <root>/cifar10} and {@code
 * <root>/cifar100} with the GLUE rules: staged in the cache, verified, moved atomically, nothing left
 * on failure. No SHA-256 of the extracted files is published, so they are recorded on first
 * download ({@code recorded-sha256.tsv} in each folder) and checked from then on.
 */
public final class CifarDownloader {

    /** Host of the CIFAR archives. */
    public static final String DEFAULT_BASE = "https://www.cs.toronto.edu/~kriz/";

    private static final Logger LOG = LoggerFactory.getLogger(CifarDownloader.class);

    private final URI base;
    private final Path root;
    private final Downloader downloader;

    public CifarDownloader(URI base, Path root, Downloader downloader) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.root = root;
        this.downloader = downloader;
    }

    /** The public URL, the images root from the JVM settings. */
    public static CifarDownloader defaults() {
        return new CifarDownloader(URI.create(DEFAULT_BASE), ImageSource.root(), new Downloader());
    }

    /** The archive name of {@code source} (CIFAR10 or CIFAR100). */
    public static String archive(ImageSource source) {
        return switch (source) {
            case CIFAR10 -> "cifar-10-binary.tar.gz";
            case CIFAR100 -> "cifar-100-binary.tar.gz";
            default -> throw new IllegalArgumentException(source.userName() + " is not downloadable");
        };
    }

    /** Downloads {@code source} unless both splits are present; returns the folder to read. */
    public Path ensure(ImageSource source) throws IOException {
        Path location = source.location(root);
        if (source.isPresent(root, ImageSplit.TRAIN) && source.isPresent(root, ImageSplit.TEST)) {
            return location;
        }
        Path cacheDir = location.getParent();
        Installer installer = new Installer(cacheDir, ChecksumRegistry.load(null, cacheDir));
        LOG.info("downloading {} from {} into {}", source.userName(), base, cacheDir);
        installer.install(base.toString(), (staging, scratch) -> {
            Path archive = scratch.resolve(archive(source));
            downloader.download(base.resolve(archive(source)), archive);
            Archives.untarGz(archive, staging);
            Path extracted = staging.resolve(location.getFileName().toString());
            for (ImageSplit split : ImageSplit.values()) {
                for (String file : source.files(root, split)) {
                    if (!Files.isRegularFile(extracted.resolve(file))) {
                        throw new IOException("the archive " + archive(source) + " has no "
                                + location.getFileName() + "/" + file + "; has its layout changed?");
                    }
                }
            }
        });
        return location;
    }
}
