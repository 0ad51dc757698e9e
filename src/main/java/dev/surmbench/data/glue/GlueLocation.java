package dev.surmbench.data.glue;

import dev.surmbench.data.download.CacheDirs;
import dev.surmbench.data.download.Settings;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the GLUE files are read from, in this order: a suite setting, the system property {@code
 * glue.dir}, the environment variable {@code GLUE_DIR}, else the download cache {@code
 * <cache>/glue} (see {@link CacheDirs}), which {@link GlueDownloader} fills on demand.
 *
 * @param dir the GLUE directory (holding {@code CoLA/}, {@code SST-2/}, ...)
 * @param source which setting chose it
 */
public record GlueLocation(Path dir, Source source) {

    /** Environment variable naming the GLUE directory (CI sets it). */
    public static final String ENV = "GLUE_DIR";

    /** System property naming the GLUE directory (surefire passes it from {@code GLUE_DIR}). */
    public static final String PROPERTY = "glue.dir";

    /** Which setting chose the directory. */
    public enum Source {
        SETTING("suite setting"),
        SYSTEM_PROPERTY("-D" + PROPERTY),
        ENVIRONMENT("$" + ENV),
        CACHE("download cache");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        /** How the source is shown to users. */
        public String description() {
            return description;
        }
    }

    /** True when the files come from a folder the user named (never downloaded into). */
    public boolean isConfigured() {
        return source != Source.CACHE;
    }

    /** Resolves from the JVM's properties and environment; {@code setting} may be null. */
    public static GlueLocation resolve(String setting) {
        return resolve(setting, System::getProperty, System::getenv, CacheDirs.of("glue"));
    }

    /** Resolves with explicit lookups (for tests). */
    public static GlueLocation resolve(String setting, UnaryOperator<String> properties,
            UnaryOperator<String> environment, Path cacheDir) {
        if (Settings.isSet(setting)) {
            return new GlueLocation(Path.of(setting.trim()), Source.SETTING);
        }
        String property = properties.apply(PROPERTY);
        if (Settings.isSet(property)) {
            return new GlueLocation(Path.of(property.trim()), Source.SYSTEM_PROPERTY);
        }
        String env = environment.apply(ENV);
        if (Settings.isSet(env)) {
            return new GlueLocation(Path.of(env.trim()), Source.ENVIRONMENT);
        }
        return new GlueLocation(cacheDir, Source.CACHE);
    }
}
