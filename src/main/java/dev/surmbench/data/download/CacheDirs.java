package dev.surmbench.data.download;

import java.nio.file.Path;

/**
 * Where downloads are cached: {@code -Dsurm.cache.dir}, else the environment variable {@code
 * SURM_CACHE_DIR}, else {@code ~/.cache/surm-bench}. Each dataset family has a folder below it
 * ({@code glue}, {@code cifar10}, ...).
 */
public final class CacheDirs {

    /** System property naming the cache root. */
    public static final String PROPERTY = "surm.cache.dir";

    /** Environment variable naming the cache root. */
    public static final String ENV = "SURM_CACHE_DIR";

    private CacheDirs() {}

    /** The cache root. */
    public static Path root() {
        String configured = Settings.firstSet(System.getProperty(PROPERTY), System.getenv(ENV));
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "surm-bench");
    }

    /** The cache folder of one dataset family. */
    public static Path of(String family) {
        return root().resolve(family);
    }
}
