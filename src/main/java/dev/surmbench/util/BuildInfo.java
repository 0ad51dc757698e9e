package dev.surmbench.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build wrote about itself into {@code build.properties} (next to this class; Maven writes
 * it in {@code generate-resources} by running git): the project version and the git commit the
 * classes were built from. Both are {@code "unknown"} when the file is absent (classes built by an
 * IDE) or git could not tell (a source tree without {@code .git}).
 */
public final class BuildInfo {
    private static final String RESOURCE = "build.properties";
    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return get("version");
    }

    /** The full git commit the build was made from, or {@code "unknown"}. */
    public static String commit() {
        return get("commit");
    }

    private static String get(String key) {
        String value = PROPERTIES.getProperty(key, "").trim();
        return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown, as documented
        }
        return p;
    }
}
